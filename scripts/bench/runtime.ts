/**
 * The browser runtime, timed as a learner meets it on an exercise page:
 * click Run → first output line (cold: the first run in a fresh tab; warm:
 * the next), and click Check → verdict (warm). Reported, never asserted.
 */
import type { Browser, Page } from '@playwright/test';

export interface RuntimeTimes {
  exercise: string;
  runColdMs: number;
  runWarmMs: number;
  checkWarmMs: number;
}

/** ms from the click until `ready()` holds, measured inside the page. */
async function timeClick(page: Page, button: string, ready: string): Promise<number> {
  return page.evaluate(
    async ({ button, ready }) => {
      const target = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === button && !b.hidden);
      if (!target) throw new Error(`no ${button} button`);
      // eslint-disable-next-line no-new-func
      const isReady = new Function(`return (${ready})`) as () => boolean;
      const start = performance.now();
      target.click();
      await new Promise<void>((resolve, reject) => {
        const give = setTimeout(() => reject(new Error(`${button}: nothing after 15 s`)), 15_000);
        const poll = () => {
          if (isReady()) {
            clearTimeout(give);
            resolve();
          } else requestAnimationFrame(poll);
        };
        poll();
      });
      return performance.now() - start;
    },
    { button, ready },
  );
}

const OUTPUT_HAS_LINE = `document.querySelector('[data-output] .wb-line') !== null`;
const VERDICT_SHOWN = `/All checks passed|checks? failed/.test(document.querySelector('[data-results]')?.textContent ?? '')`;

export async function runtimeTimes(browser: Browser, baseURL: string, exercise: string): Promise<RuntimeTimes> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(new URL(`exercises/${exercise}/`, baseURL).href, { waitUntil: 'networkidle' });
  // The island loads when visible; wait until the editor is live before timing.
  await page.getByRole('textbox', { name: 'Code editor' }).waitFor();
  const clearOutput = () => page.evaluate(() => document.querySelector('[data-output]')?.replaceChildren());
  await clearOutput();
  const runColdMs = await timeClick(page, 'Run', OUTPUT_HAS_LINE);
  await page.getByRole('button', { name: 'Run', exact: true }).waitFor({ state: 'visible' });
  await page.waitForFunction(() => (document.querySelector('[data-action=stop]') as HTMLElement | null)?.hidden !== false);
  await clearOutput();
  const runWarmMs = await timeClick(page, 'Run', OUTPUT_HAS_LINE);
  await page.waitForFunction(() => (document.querySelector('[data-action=stop]') as HTMLElement | null)?.hidden !== false);
  await page.evaluate(() => document.querySelector('[data-results]')?.replaceChildren());
  const checkWarmMs = await timeClick(page, 'Check', VERDICT_SHOWN);
  await context.close();
  return { exercise, runColdMs: Math.round(runColdMs), runWarmMs: Math.round(runWarmMs), checkWarmMs: Math.round(checkWarmMs) };
}
