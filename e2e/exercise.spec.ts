/**
 * Every exercise, solved in the page on the browser runtime, offline: the
 * starter fails Check, the reference solution typed into the editor passes,
 * and a wrong answer gets the very message the CLI gives for it.
 */
import { expect, test } from '@playwright/test';
import {
  cliVerdict,
  editor,
  exerciseIdsFromSite,
  exerciseIdsOnDisk,
  openExercise,
  press,
  readExerciseFile,
  results,
  setCode,
  wrongFixtures,
} from './exercise-kit.ts';
import { plainText } from '../src/islands/view-model.ts';

const ids = exerciseIdsOnDisk();

test('/exercises/ lists every exercise, each linking to its page', async ({ page }) => {
  expect(await exerciseIdsFromSite(page)).toEqual(expect.arrayContaining(ids));
  expect((await exerciseIdsFromSite(page)).length).toBe(ids.length);
});

test.describe('every exercise is solvable in the page', () => {
  // A runaway wrong answer takes its whole budget, and the CLI runs beside it.
  test.describe.configure({ timeout: 90_000 });

  for (const id of ids) {
    test(id, async ({ page }) => {
      await openExercise(page, id);
      const verdict = results(page);

      await test.step('the starter fails Check', async () => {
        await expect(editor(page)).toContainText(readExerciseFile(id, 'starter.ts').split('\n')[0]!.trim());
        await press(page, 'Check');
        await expect(verdict).toContainText(/\d+ of \d+ checks failed/);
        await expect(verdict).not.toContainText('All checks passed');
        await expect(verdict.getByRole('listitem').filter({ hasText: 'Failed' }).first()).toBeVisible();
      });

      await test.step('the reference solution, typed in, passes', async () => {
        await setCode(page, readExerciseFile(id, 'solution.ts'));
        await press(page, 'Check');
        await expect(verdict).toContainText('All checks passed');
        const items = verdict.getByRole('listitem');
        expect(await items.count()).toBeGreaterThan(1);
        for (const item of await items.all()) await expect(item).toContainText('Passed');
      });

      const wrong = wrongFixtures(id)[0];
      if (!wrong) {
        test.info().annotations.push({ type: 'note', description: `${id} has no wrong/*.ts to compare with the CLI` });
        return;
      }
      await test.step(`a wrong answer (${wrong.file}) gets the CLI's message`, async () => {
        const cli = cliVerdict(id, wrong.file);
        const failing = cli.checks.find((c) => c.id === wrong.check);
        expect(failing, `the CLI fails ${wrong.check}`).toBeDefined();
        expect(failing!.passed).toBe(false);
        await setCode(page, readExerciseFile(id, wrong.file.split(`${id}/`)[1]!));
        await press(page, 'Check');
        await expect(verdict).toContainText(cli.summary);
        const item = verdict.getByRole('listitem').filter({ hasText: failing!.title });
        await expect(item).toContainText('Failed');
        // The same words: the page draws the message's `code` spans as <code>, so its text has no backticks.
        await expect(item).toContainText(plainText(failing!.message));
        await expect(item).toContainText(plainText(wrong.phrase));
      });
    });
  }
});
