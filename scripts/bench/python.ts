/**
 * Python in the page (issue 17), measured, never asserted:
 * - what the first Python Run downloads (Pyodide's files from dist/pyodide/,
 *   raw and gzip; served under a versioned folder with an immutable
 *   Cache-Control, so the browser fetches them once);
 * - "Run Python" on a lesson's pair: click → its last line, cold (the tab's
 *   first Python: download, compile, start) and warm (the next run);
 * - Check in Python on an exercise, warm (after a first Check loaded Pyodide).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from '@playwright/test';
import { PYODIDE_DIR, PYODIDE_FILES } from '../../src/lib/python/pyodide-files.ts';

export interface PythonBench {
  download: { files: Array<{ file: string; bytes: number; gzipBytes: number }>; totalBytes: number; totalGzipBytes: number; islandGzipBytes: number };
  runColdMs: number;
  runWarmMs: number;
  checkWarmMs: number;
  cached: string;
}

const LESSON = 'lessons/tasks/';
const PAIR_TEXT = 'all checks';
const EXERCISE = 'run-concurrently';

/**
 * ms from a click until `done` holds. `done` is polled inside the page on
 * every animation frame (waitForFunction), so the figure is not inflated by
 * one round trip to the browser per poll.
 */
async function timed(page: Page, click: () => Promise<void>, done: (arg: string) => boolean, arg: string): Promise<number> {
  const start = Date.now();
  await click();
  await page.waitForFunction(done, arg, { polling: 'raf', timeout: 120_000 });
  return Date.now() - start;
}

export async function pythonBench(browser: Browser, baseURL: string, root: string): Promise<PythonBench> {
  const dist = join(root, 'dist');
  const files = PYODIDE_FILES.map((file) => {
    const body = readFileSync(join(dist, PYODIDE_DIR, file));
    return { file, bytes: body.length, gzipBytes: gzipSync(body, { level: 9 }).length };
  });
  const islandGzipBytes = readdirSync(join(dist, '_astro'))
    .filter((f) => /^python[-.]/.test(f))
    .reduce((sum, f) => sum + gzipSync(readFileSync(join(dist, '_astro', f)), { level: 9 }).length, 0);

  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(new URL(LESSON, baseURL).href, { waitUntil: 'networkidle' });
  const pair = page.locator('figure[data-pyts]').filter({ hasText: PAIR_TEXT }).first();
  const output = pair.locator('[data-pyts-output]');
  await pair.evaluate((figure) => figure.setAttribute('data-bench-pair', ''));
  // Done: the output shows the program's last line and the button is no longer busy.
  const ran = (text: string) => {
    const figure = document.querySelector('[data-bench-pair]');
    return !!figure?.querySelector('[data-pyts-output]')?.textContent?.includes(`${text}:`) && figure.querySelector('button[data-pyts-run]')?.getAttribute('aria-busy') !== 'true';
  };
  const runColdMs = await timed(page, () => pair.getByRole('button', { name: 'Run Python' }).click(), ran, PAIR_TEXT);
  // Warm: the median of five runs on the loaded Pyodide.
  const warm: number[] = [];
  for (let i = 0; i < 5; i++) {
    await output.evaluate((el) => el.replaceChildren());
    warm.push(await timed(page, () => pair.getByRole('button', { name: 'Run Python' }).click(), ran, PAIR_TEXT));
  }
  const runWarmMs = warm.sort((a, b) => a - b)[2]!;

  await page.goto(new URL(`exercises/${EXERCISE}/`, baseURL).href, { waitUntil: 'networkidle' });
  await page.getByRole('radiogroup', { name: 'Language' }).getByRole('radio', { name: 'Python' }).check();
  const panel = page.locator('[data-py-exercise]');
  const editor = panel.getByRole('textbox', { name: 'Python code editor' });
  await editor.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(readFileSync(join(root, 'content/exercises', EXERCISE, 'python/solution.py'), 'utf8'));
  const status = panel.locator('[data-py-status]');
  const checked = (pattern: string) => new RegExp(pattern).test(document.querySelector('[data-py-exercise] [data-py-status]')?.textContent ?? '');
  const verdict = 'Passed|checks? failed';
  await timed(page, () => panel.getByRole('button', { name: 'Check' }).click(), checked, verdict);
  const checks: number[] = [];
  for (let i = 0; i < 3; i++) {
    await status.evaluate((el) => (el.textContent = ''));
    checks.push(await timed(page, () => panel.getByRole('button', { name: 'Check' }).click(), checked, verdict));
  }
  const checkWarmMs = checks.sort((a, b) => a - b)[1]!;
  await context.close();

  return {
    download: {
      files,
      totalBytes: files.reduce((s, f) => s + f.bytes, 0),
      totalGzipBytes: files.reduce((s, f) => s + f.gzipBytes, 0),
      islandGzipBytes,
    },
    runColdMs,
    runWarmMs,
    checkWarmMs,
    cached: `${PYODIDE_DIR}* is immutable (Cache-Control, _headers/vercel.json): fetched once per browser; the frame keeps the bytes for a worker it restarts`,
  };
}

export function pythonReport(p: PythonBench): string[] {
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  return [
    '',
    `Python in the page: Pyodide download ${kb(p.download.totalBytes)} raw, ${kb(p.download.totalGzipBytes)} gzip (+ Python islands ${kb(p.download.islandGzipBytes)} gzip)`,
    ...p.download.files.map((f) => `  ${f.file.padEnd(22)} ${kb(f.bytes).padStart(10)} ${kb(f.gzipBytes).padStart(10)} gzip`),
    `  cached: ${p.cached}`,
    `  Run Python: cold ${p.runColdMs} ms, warm ${p.runWarmMs} ms (median of 5) (aim: warm ≤ 300 ms); Python Check, warm: ${p.checkWarmMs} ms (median of 3)`,
  ];
}
