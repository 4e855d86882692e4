/**
 * The editor's type checker (issue 16), as a learner meets it on the
 * await-everything page, whose starter has missing awaits the checker marks:
 *
 * - download: the worker (compiler, @typescript/vfs, lib files) and the
 *   editor-types chunk, gzip, fetched on the editor's first focus;
 * - first focus → first type diagnostics, cold (fresh cache) and warm (the
 *   same browser context, so the worker comes from the HTTP cache);
 * - keystroke → updated diagnostics, warm: the time from the last key of a
 *   new type error to its underline (median of several).
 *
 * Reported, never asserted. Run alone against a served build with
 *   node scripts/bench/types.ts http://127.0.0.1:4321/
 * or as part of `npm run bench`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext } from '@playwright/test';

export interface TypesBench {
  /** gzip bytes of the type checker's worker and the editor's types chunk. */
  downloadBytes: number;
  files: string[];
  focusToDiagnosticsColdMs: number;
  focusToDiagnosticsWarmMs: number;
  /** Each trial's keystroke → underline time, and their median. */
  keystrokeToDiagnosticsMs: number[];
  keystrokeMedianMs: number;
}

const root = fileURLToPath(new URL('../../', import.meta.url));
const EXERCISE = 'await-everything';
/** The type checker's marks (editor-types.ts gives them this class), not the syntax linter's. */
const ERRORS = '.cm-lintRange-error.cm-ts-mark';

export function typesDownload(dist = join(root, 'dist/_astro')): { bytes: number; files: string[] } {
  const files = readdirSync(dist).filter((f) => /^(ts-worker|editor-types)[-.].*\.js$/.test(f));
  return { bytes: files.reduce((sum, f) => sum + gzipSync(readFileSync(join(dist, f)), { level: 9 }).length, 0), files };
}

/** ms from focusing the editor until the first type diagnostic is underlined, measured in the page. */
async function focusToDiagnostics(context: BrowserContext, baseURL: string): Promise<number> {
  const page = await context.newPage();
  await page.goto(new URL(`exercises/${EXERCISE}/`, baseURL).href, { waitUntil: 'networkidle' });
  const editor = page.getByRole('textbox', { name: 'Code editor' });
  await editor.waitFor();
  const ms = await page.evaluate(async (selector) => {
    const content = document.querySelector<HTMLElement>('.cm-content')!;
    const early = document.querySelector(selector);
    if (early) throw new Error(`diagnostics before focus (focused: ${document.activeElement?.className}): "${early.textContent}"`);
    const start = performance.now();
    content.focus();
    return new Promise<number>((resolve, reject) => {
      const give = setTimeout(() => reject(new Error('no type diagnostics 60 s after focus')), 60_000);
      const poll = () => {
        if (document.querySelector(selector)) {
          clearTimeout(give);
          resolve(performance.now() - start);
        } else requestAnimationFrame(poll);
      };
      poll();
    });
  }, ERRORS);
  await page.close();
  return Math.round(ms);
}

/** ms from the last keystroke of a new type error until the editor underlines it (warm service). */
async function keystrokeTrials(context: BrowserContext, baseURL: string, trials: number): Promise<number[]> {
  const page = await context.newPage();
  await page.goto(new URL(`exercises/${EXERCISE}/`, baseURL).href, { waitUntil: 'networkidle' });
  const editor = page.getByRole('textbox', { name: 'Code editor' });
  await editor.waitFor();
  await editor.click();
  await page.locator(ERRORS).first().waitFor({ timeout: 60_000 });
  const times: number[] = [];
  for (let i = 0; i < trials; i++) {
    await editor.press('Control+End');
    const before = await page.locator(ERRORS).count();
    await page.evaluate(() => {
      const w = window as unknown as { lastKey: number };
      document.addEventListener('keydown', () => (w.lastKey = performance.now()), { capture: true });
    });
    await editor.pressSequentially(`\nconst wrong${i}: number = 'x';`);
    const ms = await page.evaluate(
      ({ selector, before }) =>
        new Promise<number>((resolve, reject) => {
          const give = setTimeout(() => reject(new Error('no updated diagnostics 30 s after typing')), 30_000);
          const poll = () => {
            if (document.querySelectorAll(selector).length > before) {
              clearTimeout(give);
              resolve(performance.now() - (window as unknown as { lastKey: number }).lastKey);
            } else requestAnimationFrame(poll);
          };
          poll();
        }),
      { selector: ERRORS, before },
    );
    times.push(Math.round(ms));
  }
  await page.close();
  return times;
}

export async function typesBench(browser: Browser, baseURL: string): Promise<TypesBench> {
  const { bytes, files } = typesDownload();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(() => localStorage.setItem('course:prefs:runtime', 'browser'));
  const cold = await focusToDiagnostics(context, baseURL);
  const warm = await focusToDiagnostics(context, baseURL);
  const keys = await keystrokeTrials(context, baseURL, 5);
  await context.close();
  const sorted = [...keys].sort((a, b) => a - b);
  return {
    downloadBytes: bytes,
    files,
    focusToDiagnosticsColdMs: cold,
    focusToDiagnosticsWarmMs: warm,
    keystrokeToDiagnosticsMs: keys,
    keystrokeMedianMs: sorted[Math.floor(sorted.length / 2)]!,
  };
}

export function typesReport(t: TypesBench): string[] {
  return [
    '',
    'Type checker in the editor (await-everything page)',
    `  download, gzip (${t.files.join(', ')})  ${(t.downloadBytes / 1024).toFixed(1)} KB   (fetched on first focus)`,
    `  first focus → first diagnostics           cold ${t.focusToDiagnosticsColdMs} ms, warm ${t.focusToDiagnosticsWarmMs} ms`,
    `  keystroke → updated diagnostics (warm)    median ${t.keystrokeMedianMs} ms (${t.keystrokeToDiagnosticsMs.join(', ')}), aim ≤ 500 ms`,
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const baseURL = process.argv[2] ?? 'http://127.0.0.1:4321/';
  const { launch } = await import('./site.ts');
  const { browser } = await launch();
  const result = await typesBench(browser, baseURL);
  await browser.close();
  console.log(typesReport(result).join('\n'));
  console.log(JSON.stringify(result));
}
