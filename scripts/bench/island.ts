import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from '@playwright/test';

/**
 * The editor island as a learner meets it: the JavaScript an exercise page
 * loads until its editor is ready (the island comes into view at once
 * there), on the browser runtime, before any Run. The sandbox worker, fetched
 * on the first Run or editor focus, is reported on its own.
 */
export async function islandSizes(browser: Browser, baseURL: string, root: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(() => localStorage.setItem('course:prefs:runtime', 'browser'));
  const page = await context.newPage();
  const js: Array<Promise<{ url: string; bytes: number }>> = [];
  page.on('response', (response) => {
    const url = response.url();
    if (!/\.m?js(\?|$)/.test(url) || /sandbox-worker/.test(url)) return;
    js.push(response.body().then((b) => ({ url, bytes: gzipSync(b, { level: 9 }).length })).catch(() => ({ url, bytes: 0 })));
  });
  await page.goto(new URL('exercises/first-coroutine/', baseURL).href, { waitUntil: 'networkidle' });
  await page.getByRole('textbox', { name: 'Code editor' }).waitFor();
  await page.waitForLoadState('networkidle');
  const loaded = await Promise.all(js);
  await context.close();
  const assets = join(root, 'dist/_astro');
  const worker = readdirSync(assets).filter((f) => /sandbox-worker/.test(f) && f.endsWith('.js'));
  return {
    editorIslandBytes: loaded.reduce((sum, r) => sum + r.bytes, 0),
    editorIslandFiles: loaded.map((r) => r.url.split('/').pop() ?? r.url).sort(),
    /** Each file's gzip bytes, largest first (to see what to cut). */
    editorIslandFileBytes: loaded.map((r) => ({ file: r.url.split('/').pop() ?? r.url, bytes: r.bytes })).sort((a, b) => b.bytes - a.bytes),
    sandboxWorkerBytes: worker.reduce((sum, f) => sum + gzipSync(readFileSync(join(assets, f)), { level: 9 }).length, 0),
  };
}

