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
  /** Until the Types check is in too (the first Check on a fresh page waits for the type checker to start). */
  checkTypedMs: number;
}

/** ms from the click until `ready()` holds, measured inside the page (and until `then()`, if given). */
async function timeClick(page: Page, button: string, ready: string, then?: string): Promise<number> {
  return (await timeClicks(page, button, ready, then ?? ready))[0];
}

async function timeClicks(page: Page, button: string, ready: string, then: string): Promise<[number, number]> {
  return page.evaluate(
    async ({ button, ready, then }) => {
      const target = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === button && !b.hidden);
      if (!target) throw new Error(`no ${button} button`);
      // eslint-disable-next-line no-new-func
      const isReady = new Function(`return (${ready})`) as () => boolean;
      // eslint-disable-next-line no-new-func
      const isDone = new Function(`return (${then})`) as () => boolean;
      const start = performance.now();
      target.click();
      const until = (holds: () => boolean) =>
        new Promise<number>((resolve, reject) => {
          const give = setTimeout(() => reject(new Error(`${button}: nothing after 30 s`)), 30_000);
          const poll = () => {
            if (holds()) {
              clearTimeout(give);
              resolve(performance.now() - start);
            } else requestAnimationFrame(poll);
          };
          poll();
        });
      const first = await until(isReady);
      return [first, await until(isDone)] as [number, number];
    },
    { button, ready, then },
  );
}

const OUTPUT_HAS_LINE = `document.querySelector('[data-output] .wb-line') !== null`;
const RUN_IDLE = `document.querySelector('[data-output]')?.getAttribute('aria-busy') === 'false'`;
const VERDICT_SHOWN = `/all checks passed|checks? failed/i.test(document.querySelector('[data-results]')?.textContent ?? '')`;

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
  const [checkWarmMs, checkTypedMs] = await timeClicks(page, 'Check', VERDICT_SHOWN, RUN_IDLE);
  await context.close();
  return { exercise, runColdMs: Math.round(runColdMs), runWarmMs: Math.round(runWarmMs), checkWarmMs: Math.round(checkWarmMs), checkTypedMs: Math.round(checkTypedMs) };
}
