/**
 * Runaway learner code: `while (true) {}` is stopped with the budget's
 * message, and the page answers while it spins: a hint opens before the stop
 * message appears. How soon it is stopped and the page's longest main-thread
 * task are figures from `npm run bench` (scripts/bench/long-tasks.ts), not
 * assertions: on a busy machine they would be races. It runs in the
 * `chromium-alone` project, as a spinning sandbox worker holds one core.
 */
import { expect, test } from '@playwright/test';
import { openExercise, output, readExerciseFile, setCode } from './exercise-kit.ts';

const ID = 'first-coroutine';
const BUDGET_MS = JSON.parse(readExerciseFile(ID, 'exercise.json')).budgetMs ?? 5000;

test('a runaway loop is stopped at its budget with a message, and the page keeps answering', async ({ page }) => {
  test.setTimeout(60_000);
  await openExercise(page, ID);
  await setCode(page, "export async function main(): Promise<void> {\n  console.log('spinning');\n  while (true) {}\n}\n");
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(output(page)).toContainText('spinning');

  // While the sandbox spins, the page still answers: a hint opens before the run is stopped.
  await page.getByRole('button', { name: 'Show hint' }).click();
  await expect(page.getByRole('heading', { name: 'Hints' }).locator('..').getByRole('listitem')).toHaveCount(1);
  expect(await output(page).textContent(), 'the hint opened while the loop was still spinning').not.toContain('was stopped');

  await expect(output(page)).toContainText('was stopped', { timeout: BUDGET_MS + 30_000 });
  await expect(output(page)).toContainText(`more than ${BUDGET_MS / 1000} s`);
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeVisible();
});

