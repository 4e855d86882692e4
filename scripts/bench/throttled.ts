/**
 * "Verdicts under 6× CPU throttling": every exercise fixture typed into its
 * exercise page and checked there, with Chromium slowing the page (and its
 * workers) six times, as on a slow phone. Each page verdict is compared,
 * check by check (title, passed or failed, message), with the CLI's verdict
 * for the same code. A verdict must depend on the code, not on the machine,
 * so they must agree. Reports differences and times; asserts nothing.
 *
 *   node scripts/bench/throttled.ts <baseURL> [--rate 6] [--only <exercise>]
 *
 * Needs a preview of the built site at baseURL (`npm run build && npm run preview`).
 */
import type { Browser, Page } from '@playwright/test';
import { exerciseIds, loadExercise } from '../../src/lib/node/exercises.ts';
import { checkSource } from '../../src/lib/node/check-file.ts';
import { launch } from './site.ts';

export interface ThrottledBench {
  rate: number;
  fixtures: number;
  totalMs: number;
  /** Fixtures whose page verdict differed from the CLI's (empty when all agree). */
  differences: string[];
}

interface Fixture {
  id: string;
  name: string;
  source: string;
}

function fixtures(only?: string): Fixture[] {
  return exerciseIds()
    .filter((id) => !only || id === only)
    .flatMap((id) => {
      const e = loadExercise(id);
      return [
        { id, name: 'solution.ts', source: e.solution },
        { id, name: 'starter.ts', source: e.starter },
        ...e.accepted.map((a) => ({ id, name: `accepted/${a.file.split('/').pop()}`, source: a.source })),
        ...e.wrong.map((w) => ({ id, name: `wrong/${w.file.split('/').pop()}`, source: w.source })),
      ];
    });
}

/** The page's verdict: its summary, and each check's text as listed (status badge first: Passed, Failed or Skipped). */
async function pageVerdict(page: Page): Promise<{ summary: string; items: string[] }> {
  const region = page.getByRole('region', { name: 'Check results' });
  const summary = (await region.textContent()) ?? '';
  const items: string[] = [];
  for (const item of await region.getByRole('listitem').all()) items.push(((await item.textContent()) ?? '').trim());
  return { summary, items };
}

async function checkInPage(page: Page, source: string): Promise<void> {
  const editor = page.getByRole('textbox', { name: 'Code editor' });
  await editor.fill(source);
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  // aria-busy goes true while the run is under way and false once the verdict is shown.
  await page.getByRole('region', { name: 'Output' }).and(page.locator('[aria-busy="false"]')).waitFor({ timeout: 300_000 });
  await page.getByRole('region', { name: 'Check results' }).getByText(/All checks passed|checks? failed|can't read/).waitFor({ timeout: 300_000 });
}

export async function verdictsThrottled(browser: Browser, baseURL: string, rate = 6, only?: string): Promise<ThrottledBench> {
  const all = fixtures(only);
  const differences: string[] = [];
  const started = performance.now();
  for (const id of [...new Set(all.map((f) => f.id))]) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    await page.goto(new URL(`exercises/${id}/`, baseURL).href);
    await page.getByRole('textbox', { name: 'Code editor' }).waitFor({ timeout: 120_000 });
    for (const fixture of all.filter((f) => f.id === id)) {
      const key = `${fixture.id}/${fixture.name}`;
      try {
        const { verdict } = await checkSource(fixture.id, fixture.source);
        await checkInPage(page, fixture.source);
        const seen = await pageVerdict(page);
        // Matched by title, not position: a skipped check is listed under the check that stopped it.
        const status = (c: (typeof verdict.checks)[number]) => (c.skippedBecause ? 'Skipped' : c.passed ? 'Passed' : 'Failed');
        const same =
          seen.items.length === verdict.checks.length &&
          verdict.checks.every((c) => seen.items.some((text) => text.startsWith(`${status(c)} ${c.title}`) || text.startsWith(`${status(c)}${c.title}`))) &&
          seen.summary.includes(verdict.summary);
        if (!same) differences.push(`${key}: page "${seen.summary.slice(0, 160)}" vs CLI "${verdict.summary}"`);
      } catch (error) {
        differences.push(`${key}: ${(error as Error).message.split('\n')[0]}`);
      }
    }
    await context.close();
  }
  return { rate, fixtures: all.length, totalMs: Math.round(performance.now() - started), differences };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const baseURL = args.find((a) => /^https?:/.test(a)) ?? 'http://127.0.0.1:4321/';
  const rateAt = args.indexOf('--rate');
  const onlyAt = args.indexOf('--only');
  const { browser } = await launch();
  try {
    const r = await verdictsThrottled(browser, baseURL, rateAt >= 0 ? Number(args[rateAt + 1]) : 6, onlyAt >= 0 ? args[onlyAt + 1] : undefined);
    console.log(`Verdicts under ${r.rate}× CPU throttling: ${r.fixtures - r.differences.length} of ${r.fixtures} fixtures give the CLI's verdict in the page (${(r.totalMs / 1000).toFixed(0)} s)`);
    for (const d of r.differences) console.log(`  DIFFERENT: ${d}`);
  } finally {
    await browser.close();
  }
}
