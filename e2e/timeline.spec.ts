/**
 * The timeline in the performance lesson: the sequential run is a staircase
 * of three bars ending near 3000 ms, the concurrent run three bars starting
 * together and ending near 1000 ms, on one scale; the "Timeline data" table
 * holds the same spans; axe passes with the tables open, in both themes and
 * on a phone, and the chart never makes the page scroll sideways.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { THEMES } from './site.ts';

const LESSON = '/lessons/performance/';

interface Bar {
  label: string;
  kind: string;
  start: number;
  end: number;
  box: { x: number; y: number; width: number; height: number };
}

async function bars(timeline: Locator): Promise<Bar[]> {
  const rects = timeline.locator('rect.tl-bar');
  const out: Bar[] = [];
  for (let i = 0; i < (await rects.count()); i++) {
    const rect = rects.nth(i);
    out.push({
      label: (await rect.getAttribute('data-label'))!,
      kind: (await rect.getAttribute('data-kind'))!,
      start: Number(await rect.getAttribute('data-start')),
      end: Number(await rect.getAttribute('data-end')),
      box: (await rect.boundingBox())!,
    });
  }
  return out;
}

/** The comparison figure's two timelines: sequential first, concurrent second. */
function comparison(page: Page) {
  const figure = page.locator('[data-timeline-compare]');
  return { sequential: figure.locator('[data-timeline]').nth(0), concurrent: figure.locator('[data-timeline]').nth(1) };
}

async function openAllTables(page: Page) {
  const summaries = page.locator('details.tl-details:not([open]) > summary');
  while (await summaries.count()) await summaries.first().click();
}

test('the sequential version: three bars one after another, ending near 3000 ms', async ({ page }) => {
  await page.goto(LESSON);
  const { sequential } = comparison(page);
  await expect(sequential.getByRole('img', { name: 'Timeline' })).toHaveAccessibleDescription(/^Blocking calls, one after another: 3 operations over 3000 ms of simulated time/);
  await expect(sequential.locator('.tl-clock')).toHaveText('Simulated time');
  const drawn = await bars(sequential);
  expect(drawn).toHaveLength(3);
  for (let i = 1; i < drawn.length; i++) {
    const [before, after] = [drawn[i - 1]!, drawn[i]!];
    // Each starts when the previous one ended, on a lower row, to its right.
    expect(after.start).toBeCloseTo(before.end, -1);
    expect(after.box.y).toBeGreaterThan(before.box.y);
    expect(after.box.x).toBeGreaterThanOrEqual(before.box.x + before.box.width - 1.5);
  }
  expect(drawn[0]!.start).toBe(0);
  expect(Math.abs(drawn[2]!.end - 3000)).toBeLessThanOrEqual(50);
});

test('the concurrent version: three bars starting together, ending near 1000 ms, on the same scale', async ({ page }) => {
  await page.goto(LESSON);
  const { sequential, concurrent } = comparison(page);
  await expect(concurrent.getByRole('img', { name: 'Timeline' })).toHaveAccessibleDescription(/3 operations over 1000 ms of simulated time/);
  const drawn = await bars(concurrent);
  expect(drawn).toHaveLength(3);
  for (const bar of drawn) {
    expect(bar.start).toBe(0);
    expect(Math.abs(bar.end - 1000)).toBeLessThanOrEqual(50);
    expect(Math.abs(bar.box.x - drawn[0]!.box.x)).toBeLessThan(1);
    expect(Math.abs(bar.box.width - drawn[0]!.box.width)).toBeLessThan(1);
  }
  expect(new Set(drawn.map((b) => Math.round(b.box.y))).size).toBe(3);
  // Same scale: the concurrent bars are as long as one sequential bar, a third of the whole staircase.
  const seq = await bars(sequential);
  expect(Math.abs(drawn[0]!.box.width - seq[0]!.box.width)).toBeLessThan(1.5);
  expect(Math.abs(drawn[0]!.box.x - seq[0]!.box.x)).toBeLessThan(1);
  const staircase = seq[2]!.box.x + seq[2]!.box.width - seq[0]!.box.x;
  expect(drawn[0]!.box.width / staircase).toBeCloseTo(1 / 3, 1);
});

test('the "Timeline data" table holds the same spans as the chart', async ({ page }) => {
  await page.goto(LESSON);
  for (const timeline of Object.values(comparison(page))) {
    const table = timeline.getByRole('table', { name: 'Timeline data' });
    // Islands above may still be upgrading and shift the page under a click: open until it shows.
    await expect(async () => {
      if (!(await table.isVisible())) await timeline.locator('summary', { hasText: 'Timeline data' }).click();
      await expect(table).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 15_000 });
    const rows = table.locator('tbody tr');
    const drawn = await bars(timeline);
    await expect(rows).toHaveCount(drawn.length);
    for (const [i, bar] of drawn.entries()) {
      const row = rows.nth(i);
      await expect(row.getByRole('rowheader')).toContainText(bar.label);
      const cells = row.getByRole('cell');
      await expect(cells.nth(0)).toHaveText(`${bar.start} ms`);
      await expect(cells.nth(1)).toHaveText(`${bar.end} ms`);
      await expect(cells.nth(2)).toHaveText(`${bar.end - bar.start} ms`);
    }
    await expect(timeline.getByRole('table', { name: 'Console lines' })).toContainText('took');
  }
});

test('every timeline on the page is an image named "Timeline" with a table named "Timeline data"', async ({ page }) => {
  await page.goto(LESSON);
  const images = page.getByRole('img', { name: 'Timeline', exact: true });
  expect(await images.count()).toBeGreaterThanOrEqual(5);
  await openAllTables(page);
  await expect(page.getByRole('table', { name: 'Timeline data' })).toHaveCount(await images.count());
  for (const image of await images.all()) {
    await expect(image).toHaveAccessibleDescription(/\d+ operations? over \d+ ms of simulated time/);
  }
});

for (const theme of THEMES) {
  test(`axe passes with the timelines and their tables open, ${theme} theme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: theme });
    await page.goto(LESSON);
    await openAllTables(page);
    const results = await new AxeBuilder({ page })
      .include('.tl-figure')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
      .analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}

test.describe('on a 375 px phone', () => {
  test.use({ viewport: { width: 375, height: 740 }, hasTouch: true, isMobile: true });

  test('the whole axis fits: no sideways scrolling, text stays readable, axe passes', async ({ page }) => {
    await page.goto(LESSON);
    await openAllTables(page);
    const scroll = await page.evaluate(() => [document.scrollingElement!.scrollWidth, document.scrollingElement!.clientWidth]);
    expect(scroll[0]).toBeLessThanOrEqual(scroll[1]!);
    for (const svg of await page.locator('svg.tl-svg').all()) {
      const [box, parent] = await Promise.all([svg.boundingBox(), svg.locator('xpath=..').boundingBox()]);
      expect(box!.x + box!.width).toBeLessThanOrEqual(parent!.x + parent!.width + 0.5);
      // The last tick label (the end of the axis) is on screen.
      const last = await svg.locator('.tl-axis text').last().boundingBox();
      expect(last!.x + last!.width).toBeLessThanOrEqual(375);
    }
    const fontSize = await page.locator('.tl-row-label').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(fontSize).toBeGreaterThanOrEqual(12);
    const results = await new AxeBuilder({ page }).include('.tl-figure').withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
});

test.describe('in an exercise', () => {
  test.setTimeout(60_000);
  const output = (page: Page) => page.getByRole('region', { name: 'Output' });
  const press = async (page: Page, name: 'Run' | 'Check') => {
    await page.getByRole('button', { name, exact: true }).click();
    await expect(output(page)).toHaveAttribute('aria-busy', 'false', { timeout: 20_000 });
  };

  test('Run and Check each draw a timeline; after Check, the attempt compares with the reference on one scale', async ({ page }) => {
    await page.goto('/exercises/sync-vs-async/');
    await expect(page.getByRole('textbox', { name: 'Code editor' })).toBeVisible();
    const panel = page.locator('details[data-timeline-panel]');

    // The starter blocks for 3 s; Run, like Check, counts it on the simulated clock.
    await press(page, 'Run');
    await panel.locator(':scope > summary').click();
    const run = panel.locator('[data-timeline-view] [data-timeline]');
    await expect(run).toHaveCount(1);
    await expect(run.locator('.tl-clock')).toHaveText('Simulated time');
    await expect(run.getByRole('img', { name: 'Timeline' })).toHaveAccessibleDescription(/ms of simulated time/);
    await expect(panel.getByRole('button', { name: 'Compare with the reference solution' })).toBeHidden();

    await press(page, 'Check');
    const checked = panel.locator('[data-timeline-view] [data-timeline]');
    await expect(checked.first().locator('.tl-clock')).toHaveText('Simulated time');
    const starterBars = await bars(checked.first());
    expect(starterBars.map((b) => b.kind)).toContain('cpu');

    await panel.getByRole('button', { name: 'Compare with the reference solution' }).click();
    const pair = panel.locator('[data-timeline-comparison] [data-timeline-compare]').first();
    await expect(pair.locator('[data-timeline]')).toHaveCount(2, { timeout: 20_000 });
    await expect(pair.locator('.tl-heading')).toHaveText(['Your attempt', 'Reference solution']);
    const [mine, reference] = [pair.locator('[data-timeline]').nth(0), pair.locator('[data-timeline]').nth(1)];
    // One scale: both axes span the slower run.
    expect(await mine.getAttribute('data-domain')).toBe(await reference.getAttribute('data-domain'));
    expect(Number(await mine.getAttribute('data-total'))).toBeGreaterThan(Number(await reference.getAttribute('data-total')) * 2);
    const results = await new AxeBuilder({ page }).include('details[data-timeline-panel]').withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
});

test.describe('event-loop view', () => {
  const EVENT_LOOP = '/lessons/event-loop/';

  test('each printed line carries its phase, from the run', async ({ page }) => {
    await page.goto(EVENT_LOOP);
    const steps = page.locator('event-loop-steps');
    await expect(steps.locator('.el-badge')).toHaveText([
      'Synchronous',
      'Synchronous',
      'Microtask',
      'Microtask',
      'Timer 1',
      'Microtask after timer 1',
      'Timer 2',
    ]);
  });

  test('Next and Previous step through the lines, by mouse and keyboard', async ({ page }) => {
    await page.goto(EVENT_LOOP);
    const steps = page.locator('event-loop-steps');
    const next = steps.getByRole('button', { name: 'Next' });
    const previous = steps.getByRole('button', { name: 'Previous' });
    const status = steps.getByRole('status');
    await expect(status).toHaveText(/Press Next/);
    await next.click();
    await expect(steps.locator('[aria-current="step"]')).toHaveAttribute('data-step', '1');
    await expect(status).toContainText('Line 1 of 7: “script starts”. Synchronous.');
    // Keyboard: Enter on the focused button, then the arrow keys.
    await next.focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowRight');
    await expect(steps.locator('[aria-current="step"]')).toHaveAttribute('data-step', '3');
    await expect(steps.locator('.el-future')).toHaveCount(4);
    await page.keyboard.press('ArrowLeft');
    await expect(steps.locator('[aria-current="step"]')).toHaveAttribute('data-step', '2');
    for (let i = 0; i < 5; i++) await next.click();
    await expect(steps.locator('[aria-current="step"]')).toHaveAttribute('data-step', '7');
    await expect(next).toHaveAttribute('aria-disabled', 'true');
    // At the end, Next stays focused and pressing it again changes nothing.
    await expect(next).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(steps.locator('[aria-current="step"]')).toHaveAttribute('data-step', '7');
    await previous.click();
    await expect(steps.locator('[aria-current="step"]')).toHaveAttribute('data-step', '6');
    await expect(status).toContainText('Microtask after timer 1');
    // Mid-way: a highlighted line, greyed lines ahead; both themes.
    for (const theme of THEMES) {
      await page.emulateMedia({ colorScheme: theme });
      const results = await new AxeBuilder({ page }).include('event-loop-steps').withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice']).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), theme).toEqual([]);
    }
  });

  test('without JavaScript the list reads in full and the controls stay hidden', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(EVENT_LOOP);
    await expect(page.locator('event-loop-steps .el-step')).toHaveCount(7);
    await expect(page.locator('event-loop-steps').getByRole('button')).toHaveCount(0);
    await context.close();
  });
});
