/**
 * axe on an exercise in every state a learner sees: open (hints and the
 * solution shown), failed results with a diff, passed results, and the
 * Reset dialog, in both themes; and the exercise list.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { openExercise, press, readExerciseFile, results, setCode, openPanel } from './exercise-kit.ts';
import { shownTheme, THEMES } from './site.ts';

const ID = 'first-coroutine';

/** Scans the page, or only `include` (a lesson's own chrome is a11y.spec.ts's business). */
async function axe(page: Page, what: string, include?: string): Promise<void> {
  const builder = new AxeBuilder({ page });
  if (include) builder.include(include);
  const scan = await builder
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  const summary = scan.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`);
  expect(summary, what).toEqual([]);
}

for (const theme of THEMES) {
  test(`axe finds nothing on an exercise, open, failed and passed, ${theme} theme`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.emulateMedia({ colorScheme: theme });
    await page.goto('/exercises/');
    expect(await shownTheme(page)).toBe(theme);
    await axe(page, 'the exercise list');

    await openExercise(page, ID);
    // The Runtime disclosure, open.
    await page.locator('[data-runtime-settings] summary').click();
    await page.getByRole('button', { name: 'Show hint' }).click();
    // Every hint shown: Show solution is offered, and asks once in the page.
    while (await page.getByRole('button', { name: 'Next hint' }).count()) await page.getByRole('button', { name: 'Next hint' }).click();
    await page.getByRole('button', { name: 'Show solution' }).click();
    await expect(page.getByRole('group', { name: /See the reference solution\?/ })).toBeVisible();
    await axe(page, 'the question before the solution');
    await page.getByRole('button', { name: 'Show it' }).click();
    await axe(page, 'open, with hints and the solution');

    // Failed, with an output diff (the first line printed, the second missing).
    await press(page, 'Check');
    await expect(results(page)).toContainText(/checks failed/);
    await expect(results(page).getByRole('group', { name: 'Output difference' }).first()).toBeVisible();
    await axe(page, 'failed results');

    await setCode(page, readExerciseFile(ID, 'solution.ts'));
    await press(page, 'Check');
    await expect(results(page)).toContainText('All checks passed');
    await axe(page, 'passed results');

    await page.getByRole('button', { name: 'Reset' }).click();
    await expect(page.getByRole('dialog', { name: 'Reset the code?' })).toBeVisible();
    await axe(page, 'the Reset dialog');
    await page.getByRole('dialog', { name: 'Reset the code?' }).getByRole('button', { name: 'Cancel' }).click();

    // After a reload: "Passed" in the results.
    await page.reload();
    await expect(results(page)).toContainText('Passed', { timeout: 20_000 });
    await axe(page, 'passed on an earlier visit');
  });

  test(`axe finds nothing in a lesson's panels after a run, ${theme} theme`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.emulateMedia({ colorScheme: theme });
    await page.goto('/lessons/coroutines/');
    const sandbox = page.getByRole('region', { name: 'Calling a coroutine starts it', exact: true });
    await openPanel(sandbox);
    await press(sandbox, 'Run', 10_000);
    await axe(page, 'the panels of a lesson, after a run', '[data-sandbox], [data-exercise]');

    // An exercise in Focus (the split layout over the page), and the phone header's menu.
    const exercise = page.locator('[data-exercise]').first();
    await openPanel(exercise);
    await exercise.getByRole('button', { name: 'Focus' }).click();
    await axe(page, 'an exercise in Focus', '[data-exercise]');
    await page.keyboard.press('Escape');
    await page.setViewportSize({ width: 375, height: 740 });
    await page.getByText('Menu', { exact: true }).click();
    await axe(page, 'the phone header with its menu open', '.site-header');
  });
}
