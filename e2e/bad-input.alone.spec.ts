/**
 * Bad input: whatever a learner types, the run ends with a clear message and
 * the page keeps answering (a hint opens, the editor takes typing, Run is
 * back). How long the page's main-thread tasks are meanwhile is a figure,
 * measured on the same cases by `npm run bench` (scripts/bench/long-tasks.ts),
 * not asserted here: a busy machine would make it a race.
 * It runs in the `chromium-alone` project, with no other test beside it, as
 * a spinning worker holds one of the two cores.
 */
import { expect, test } from '@playwright/test';
import { editor, openExercise, output, readExerciseFile, setCode } from './exercise-kit.ts';
import { BAD_INPUT_CASES, BAD_INPUT_EXERCISE } from './bad-input-cases.ts';

const ID = BAD_INPUT_EXERCISE;
const main = (body: string) => `export async function main(): Promise<void> {\n${body}\n}\n`;
const BUDGET_MS = JSON.parse(readExerciseFile(ID, 'exercise.json')).budgetMs ?? 5000;

// In file order, in one worker; a failure doesn't skip the cases after it.
test.describe.configure({ mode: 'default' });

for (const c of BAD_INPUT_CASES) {
  test(c.name, async ({ page }) => {
    test.setTimeout(BUDGET_MS + 120_000);
    await page.goto('/exercises/');
    await page.evaluate(() => {
      localStorage.setItem('secret', 'hunter2');
      document.cookie = 'session=hunter2; path=/';
    });
    await openExercise(page, ID);
    await setCode(page, c.code);
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    // Generous: a million iterations on a busy machine take a while, and time is not what this asserts.
    await expect(output(page)).toHaveAttribute('aria-busy', 'false', { timeout: BUDGET_MS + 60_000 });
    await expect(output(page)).toContainText(c.says);
    if (c.never) await expect(output(page)).not.toContainText(c.never);

    // The page still answers: a hint opens, the editor takes typing, Run is back.
    await page.getByRole('button', { name: 'Show hint' }).click();
    await expect(page.getByRole('heading', { name: 'Hints' }).locator('..').getByRole('listitem')).toHaveCount(1);
    await editor(page).press('End');
    await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeEnabled();
  });
}

test('a really full localStorage while saving code: a notice, and the code stays in the editor', async ({ page }) => {
  await openExercise(page, ID);
  // Fill the origin's real quota (no stubbed setItem): big strings, then smaller ones.
  const filled = await page.evaluate(() => {
    let size = 1 << 20;
    let n = 0;
    while (size >= 16) {
      try {
        localStorage.setItem(`filler:${n++}`, 'x'.repeat(size));
      } catch {
        size >>= 1;
      }
    }
    return n;
  });
  expect(filled).toBeGreaterThan(0);
  await setCode(page, main("  console.log('kept under pressure');"));
  await expect(page.getByText("This browser's storage for the site is full")).toBeVisible();
  await expect(editor(page)).toContainText("console.log('kept under pressure')");
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(output(page)).toContainText('kept under pressure');
});
