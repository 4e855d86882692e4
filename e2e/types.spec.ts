/**
 * TypeScript in the editor (issue 16): type errors underlined with
 * TypeScript's message and failing Check's "Types" check, the course's
 * missing-await message, hover types, completions, and an editor that says
 * so once and keeps working when the type checker can't load.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { cliVerdict, editor, openExercise, output, press, readExerciseFile, results, setCode } from './exercise-kit.ts';

/** The type checker's first answer downloads and starts the compiler: generous. */
const TYPES_TIMEOUT = 60_000;

// Each test may start the type checker from cold (a 1 MB download and the compiler's start).
test.describe.configure({ timeout: 120_000 });

/** Hovers the first underlined range until the lint tooltip shows `text` (the underline can be redrawn as diagnostics arrive). */
async function expectUnderlinedWith(page: Page, text: string): Promise<void> {
  const underline = page.locator('.cm-lintRange-error').first();
  await expect(underline).toBeVisible({ timeout: TYPES_TIMEOUT });
  await expect(async () => {
    await page.mouse.move(0, 0);
    await underline.hover();
    await expect(page.getByRole('tooltip').or(page.locator('.cm-tooltip-hover')).first()).toContainText(text, { timeout: 2000 });
  }).toPass({ timeout: 30_000 });
}

test('a type error is underlined with TypeScript\'s message, and Check fails "Types" as the CLI does', async ({ page }) => {
  await openExercise(page, 'first-coroutine');
  const code = `${readExerciseFile('first-coroutine', 'solution.ts')}\nexport const n: number = 'five';\n`;
  await setCode(page, code);
  await expectUnderlinedWith(page, "Type 'string' is not assignable to type 'number'.");

  await press(page, 'Check', TYPES_TIMEOUT);
  const verdict = results(page);
  await expect(verdict).toContainText('1 of', { timeout: TYPES_TIMEOUT });
  await expect(verdict).not.toContainText('All checks passed');
  const types = verdict.getByRole('listitem').filter({ hasText: 'Types' });
  await expect(types).toContainText('Failed');
  const line = code.split('\n').findIndex((l) => l.includes("'five'")) + 1;
  await expect(types).toContainText(`Line ${line}: Type 'string' is not assignable to type 'number'.`);

  // The CLI says the same of the same code.
  const dir = mkdtempSync(join(tmpdir(), 'types-'));
  writeFileSync(join(dir, 'answer.ts'), code);
  const cli = cliVerdict('first-coroutine', join(dir, 'answer.ts'));
  expect(cli.checks.filter((c) => !c.passed).map((c) => c.title)).toEqual(['Types: your code type-checks']);
  await expect(verdict).toContainText(cli.summary);
});

test('the reference solution passes every check, Types included', async ({ page }) => {
  await openExercise(page, 'first-coroutine');
  await setCode(page, readExerciseFile('first-coroutine', 'solution.ts'));
  await press(page, 'Check', TYPES_TIMEOUT);
  await expect(results(page)).toContainText('All checks passed');
  await expect(results(page).getByRole('listitem').filter({ hasText: 'Types' })).toContainText('Passed');
});

test('loadUser(1).name gets the course\'s missing-await message', async ({ page }) => {
  await openExercise(page, 'await-everything');
  await setCode(page, "import { loadUser } from '@course/helpers';\n\nexport async function main(): Promise<void> {\n  console.log(loadUser(1).name);\n}\n");
  await expectUnderlinedWith(page, '`loadUser(1)` is a Promise; did you forget `await`?');
});

test('hovering sleep shows its signature, and typing "sl" offers sleep', async ({ page }) => {
  await openExercise(page, 'await-everything');
  await setCode(page, "import { sleep } from '@course/helpers';\n\nexport async function main(): Promise<void> {\n  await sleep(10);\n}\n");
  // The type checker is up once it has answered: an error shows, then goes.
  await editor(page).press('Control+End');
  await editor(page).pressSequentially("\nconst wrong: number = 'x';");
  await expect(page.locator('.cm-lintRange-error').first()).toBeVisible({ timeout: TYPES_TIMEOUT });

  const call = editor(page).getByText('sleep', { exact: true }).last();
  await expect(async () => {
    await page.mouse.move(0, 0);
    await call.hover();
    await expect(page.locator('.cm-tooltip-hover')).toContainText('sleep(ms: number, signal?: AbortSignal): Promise<void>', { timeout: 3000 });
  }).toPass({ timeout: 30_000 });

  await editor(page).press('Control+End');
  await editor(page).pressSequentially('\nsl');
  const offer = page.getByRole('listbox').getByRole('option', { name: /^sleep/ });
  await expect(offer).toBeVisible({ timeout: 20_000 });
});

test('when the type checker cannot load, the editor says so once and Run still works', async ({ page }) => {
  await page.route(/ts-worker[^/]*\.js/, (route) => route.abort());
  await openExercise(page, 'first-coroutine');
  await setCode(page, readExerciseFile('first-coroutine', 'solution.ts'));
  const note = page.getByRole('status').filter({ hasText: 'No type checking here' });
  await expect(note).toBeVisible({ timeout: TYPES_TIMEOUT });
  await expect(note).toHaveCount(1);
  await press(page, 'Run');
  await expect(output(page)).toContainText('Finished');
  await press(page, 'Check');
  await expect(results(page)).toContainText('All checks passed');
  await expect(results(page).getByRole('listitem').filter({ hasText: 'Types' })).toHaveCount(0);
});
