/**
 * The one test that boots a real WebContainer: it needs StackBlitz's servers,
 * so it is skipped unless E2E_WEBCONTAINER=1 (a machine with the internet).
 * It proves what the fake of @webcontainer/api cannot: that boot, mount,
 * spawn and jsh work for real, that Run streams into the terminal, that a
 * command typed there runs, and that Check gives the same verdict under Node.
 */
import { expect, test } from '@playwright/test';
import { openExercise, press, readExerciseFile, results, setCode } from './exercise-kit.ts';

const ID = 'first-coroutine';

test.skip(process.env.E2E_WEBCONTAINER !== '1', 'needs the internet (StackBlitz): set E2E_WEBCONTAINER=1');

test('Node.js (WebContainer) boots, runs an exercise in the terminal and checks it', async ({ page }) => {
  test.setTimeout(120_000);
  await openExercise(page, ID);
  await page.locator('[data-runtime-settings] summary').click();
  await page.getByRole('combobox', { name: 'Runtime' }).selectOption({ label: 'Node.js' });
  await expect(page.locator('[data-runtime]')).toHaveText('Node.js (WebContainer)', { timeout: 20_000 });
  const terminal = page.getByRole('region', { name: 'Terminal' });
  await expect(terminal).toBeVisible();

  await setCode(page, readExerciseFile(ID, 'solution.ts'));
  await press(page, 'Run', 60_000);
  await expect(terminal).toContainText('$ node run.mjs', { timeout: 30_000 });

  // Typed into the terminal, as at home.
  await terminal.locator('.xterm').click();
  await page.keyboard.type('node check.mjs\n');
  await expect(terminal).toContainText('node check.mjs');

  await press(page, 'Check', 60_000);
  await expect(results(page)).toContainText('All checks passed');
});
