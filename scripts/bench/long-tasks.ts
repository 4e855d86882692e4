/**
 * The page never freezes: for each bad input a learner can type (the same
 * cases the browser test drives, e2e/bad-input-cases.ts), the longest task
 * on the page's main thread from the click on Run until the run's message is
 * shown, from a long-task observer. Also: how soon after its first line a
 * runaway loop is stopped. Reported against design.md's figures (100 ms; the
 * budget), never asserted: on a busy machine they are noise, not a verdict.
 */
import type { Browser, Page } from '@playwright/test';
import { BAD_INPUT_CASES, BAD_INPUT_EXERCISE } from '../../e2e/bad-input-cases.ts';

export interface LongTaskFigure {
  name: string;
  /** The longest main-thread task, ms (0: none over the 50 ms the observer reports). */
  longestMs: number;
  /** Tasks over 100 ms. */
  over100: number;
}

export interface LongTaskBench {
  cases: LongTaskFigure[];
  /** ms from the runaway's first printed line to its stop message. */
  runawayStoppedAfterMs: number;
}

const WATCH = () => {
  const w = window as unknown as { longTasks: Array<{ start: number; duration: number }> };
  w.longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) w.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
};

async function openWith(browser: Browser, baseURL: string, code: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.addInitScript(WATCH);
  await page.goto(new URL(`exercises/${BAD_INPUT_EXERCISE}/`, baseURL).href, { waitUntil: 'networkidle' });
  const editor = page.getByRole('textbox', { name: 'Code editor' });
  await editor.fill(code);
  // Let the editor settle (type checker, save) before the measured part starts.
  await page.waitForTimeout(1500);
  return page;
}

async function measure(page: Page, until: RegExp): Promise<{ longestMs: number; over100: number; marks: Record<string, number> }> {
  return page.evaluate(
    async ({ source, flags }) => {
      const done = new RegExp(source, flags);
      const out = document.querySelector('[data-output]')!;
      const marks: Record<string, number> = {};
      const start = performance.now();
      const run = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Run' && !b.hidden)!;
      run.click();
      await new Promise<void>((resolve) => {
        const poll = () => {
          const text = out.textContent ?? '';
          if (text.includes('spinning')) marks.spinning ??= performance.now();
          if (out.getAttribute('aria-busy') === 'false' && done.test(text)) {
            marks.done = performance.now();
            resolve();
          } else setTimeout(poll, 20);
        };
        poll();
      });
      // A last frame, so the drawing the message caused is counted.
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50)));
      const tasks = (window as unknown as { longTasks: Array<{ start: number; duration: number }> }).longTasks.filter((t) => t.start >= start);
      return { longestMs: Math.round(Math.max(0, ...tasks.map((t) => t.duration))), over100: tasks.filter((t) => t.duration > 100).length, marks };
    },
    { source: until.source, flags: until.flags },
  );
}

export async function longTasksBench(browser: Browser, baseURL: string): Promise<LongTaskBench> {
  const cases: LongTaskFigure[] = [];
  let runawayStoppedAfterMs = Number.NaN;
  for (const c of BAD_INPUT_CASES) {
    const page = await openWith(browser, baseURL, c.code);
    const { longestMs, over100, marks } = await measure(page, c.says);
    if (c.name === 'an infinite loop (sync)' && marks.spinning) runawayStoppedAfterMs = Math.round(marks.done! - marks.spinning);
    cases.push({ name: c.name, longestMs, over100 });
    await page.close();
  }
  return { cases, runawayStoppedAfterMs };
}

export function longTasksReport(r: LongTaskBench, budgetMs: number): string[] {
  const lines = ['', `Main thread during bad input (longest task, ms; budget ${budgetMs})`];
  for (const c of r.cases) lines.push(`  ${c.name.padEnd(34)} ${String(c.longestMs).padStart(6)} ${c.longestMs <= budgetMs ? 'ok  ' : 'OVER'}${c.over100 ? `  (${c.over100} over 100 ms)` : ''}`);
  lines.push(`  a runaway loop stopped ${r.runawayStoppedAfterMs} ms after its first line (the budget is 5,000 ms)`);
  return lines;
}

// `npx node scripts/bench/long-tasks.ts <baseURL>` measures a running preview on its own.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { launch } = await import('./site.ts');
  const { browser } = await launch();
  const result = await longTasksBench(browser, process.argv[2] ?? 'http://127.0.0.1:4321/');
  console.log(longTasksReport(result, 100).join('\n'));
  await browser.close();
}
