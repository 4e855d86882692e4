/**
 * Runaway learner code: `while (true) {}` is stopped at its budget with a
 * message, and the page's main thread stays free meanwhile (no task over
 * 100 ms). It runs in the `chromium-alone` project, after every other test,
 * because a spinning sandbox worker holds one of the machine's two cores and
 * another test's page on the other would make this one's timings noise.
 */
import { expect, test, type Page } from '@playwright/test';
import { openExercise, output, readExerciseFile, setCode, watchLongTasks } from './exercise-kit.ts';

const ID = 'first-coroutine';
const BUDGET_MS = JSON.parse(readExerciseFile(ID, 'exercise.json')).budgetMs ?? 5000;

test('a runaway loop is stopped at its budget with a message, and the page keeps answering', async ({ page }) => {
  test.setTimeout(60_000);
  await watchLongTasks(page);
  await openExercise(page, ID);
  await setCode(page, "export async function main(): Promise<void> {\n  console.log('spinning');\n  while (true) {}\n}\n");
  // Note, in the page, when learner code starts printing and when the stop message appears.
  await page.evaluate(() => {
    const out = document.querySelector('[data-output]')!;
    const marks: Record<string, number> = {};
    (window as unknown as { marks: Record<string, number> }).marks = marks;
    new MutationObserver(() => {
      const text = out.textContent ?? '';
      if (text.includes('spinning')) marks.spinning ??= performance.now();
      if (text.includes('was stopped')) marks.stopped ??= performance.now();
    }).observe(out, { childList: true, subtree: true, characterData: true });
  });
  const clickedAt = await page.evaluate(() => performance.now());
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(output(page)).toContainText('spinning');

  // While the sandbox spins, the page still answers: a hint opens at once.
  await page.getByRole('button', { name: 'Show hint' }).click();
  await expect(page.getByRole('heading', { name: 'Hints' }).locator('..').getByRole('listitem')).toHaveCount(1, { timeout: 500 });

  await expect(output(page)).toContainText('was stopped', { timeout: BUDGET_MS + 3000 });
  await expect(output(page)).toContainText(`more than ${BUDGET_MS / 1000} s`);
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeVisible();
  const marks = await page.evaluate(() => (window as unknown as { marks: Record<string, number> }).marks);
  // The budget counts from when learner code starts (a cold sandbox takes a moment to start first).
  expect(marks.stopped! - marks.spinning!, 'stopped at the budget').toBeLessThan(BUDGET_MS + 500);
  expect(marks.stopped! - clickedAt, 'stopped soon after the budget, counted from the click').toBeLessThan(BUDGET_MS + 2000);

  const long = await page.evaluate((since) => window.longTasks.filter((t) => t.start >= since && t.duration > 100), clickedAt);
  expect(long, 'no main-thread task over 100 ms while the runaway ran').toEqual([]);
});

