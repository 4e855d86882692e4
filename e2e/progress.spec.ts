/**
 * Progress that is never lost: kept across reloads, carried to a fresh
 * browser by Export then Import, recovered with a notice when corrupted; and
 * an exercise run and checked with the keyboard alone.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { editor, openExercise, output, results, ROOT, ISLAND_TIMEOUT } from './exercise-kit.ts';

const ID = 'first-coroutine';
const LESSON = 'coroutines';
const solution = readFileSync(`${ROOT}content/exercises/${ID}/solution.ts`, 'utf8');
const mapEntry = (page: Page) => page.locator(`[data-course-map] [data-slug="${LESSON}"]`);

/** Keyboard only: Tab to the editor, replace the code, Ctrl+Enter runs, Ctrl+Shift+Enter checks. */
async function passByKeyboard(page: Page): Promise<void> {
  await openExercise(page, ID);
  await page.locator('body').focus();
  for (let i = 0; i < 80 && !(await editor(page).evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(editor(page)).toBeFocused();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(solution);
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(output(page)).toContainText('Finished', { timeout: ISLAND_TIMEOUT });
  await page.keyboard.press('ControlOrMeta+Shift+Enter');
  await expect(results(page)).toContainText('All checks passed', { timeout: ISLAND_TIMEOUT });
  // Esc then Tab leaves the editor.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  await expect(editor(page)).not.toBeFocused();
}

test('the keyboard alone runs and checks an exercise, and the pass and code survive a reload', async ({ page }) => {
  await passByKeyboard(page);
  await page.reload();
  await expect(editor(page)).toBeVisible({ timeout: ISLAND_TIMEOUT });
  await expect(editor(page)).toContainText("console.log('Finished')");
  await page.goto('/');
  await expect(mapEntry(page)).toContainText(/1 of \d+ done/);
  await expect(page.getByText(/of \d+ exercises and questions done/)).toBeVisible();
  await page.goto(`/lessons/${LESSON}/`);
  await page.goto('/');
  await expect(page.getByRole('link', { name: /^Continue:/ })).toHaveAttribute('href', new RegExp(`/lessons/${LESSON}/$`));
});

test('export, then import in a fresh browser, restores progress (merged, saying so)', async ({ page, browser }) => {
  await passByKeyboard(page);
  await page.goto('/');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export progress' }).click()]);
  const file = await download.path();
  const exported = JSON.parse(readFileSync(file, 'utf8'));
  expect(exported.format).toBe('async-course-progress');
  expect(exported.progress.exercises[ID].passed).toBe(true);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto('/');
  await expect(mapEntry(other)).toContainText(/0 of \d+ done/);
  // A bad file first: it says what is wrong and changes nothing.
  const [badChooser] = await Promise.all([other.waitForEvent('filechooser'), other.getByRole('button', { name: 'Import progress' }).click()]);
  await badChooser.setFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": 1}') });
  await expect(other.getByRole('status').filter({ hasText: 'wasn’t imported' }).or(other.getByRole('status').filter({ hasText: "wasn't imported" }))).toContainText('not a progress export');
  const [chooser] = await Promise.all([other.waitForEvent('filechooser'), other.getByRole('button', { name: 'Import progress' }).click()]);
  await chooser.setFiles(file);
  await expect(other.getByText(/merged it with the progress already in this browser/)).toBeVisible();
  await expect(mapEntry(other)).toContainText(/1 of \d+ done/);
  await openExercise(other, ID);
  await expect(editor(other)).toContainText("console.log('Finished')");
  await fresh.close();
});

test('reset asks first, then forgets', async ({ page }) => {
  await passByKeyboard(page);
  await page.goto('/');
  await page.getByRole('button', { name: 'Reset progress' }).click();
  const dialog = page.getByRole('dialog', { name: 'Reset all progress?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(mapEntry(page)).toContainText(/1 of \d+ done/);
  await page.getByRole('button', { name: 'Reset progress' }).click();
  await dialog.getByRole('button', { name: 'Reset progress' }).click();
  await expect(page.getByText('Your progress was reset')).toBeVisible();
  await page.reload();
  await expect(mapEntry(page)).toContainText(/0 of \d+ done/);
});

test('a corrupted store is set aside with a notice, and the site goes on working', async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() => localStorage.setItem('course:progress', '{"version": 2, "exercises": '));
  await page.reload();
  await expect(page.locator('[data-site-notices]')).toContainText("couldn't be read");
  const keys = await page.evaluate(() => Object.keys(localStorage));
  expect(keys.some((k) => k.startsWith('course:progress:corrupt:'))).toBe(true);
  await passByKeyboard(page);
  await page.goto('/');
  await expect(mapEntry(page)).toContainText(/1 of \d+ done/);
});

test('the first islands\' v1 keys migrate: saved code comes back', async ({ page }) => {
  await page.goto('/');
  await page.evaluate((id) => localStorage.setItem(`course:v1:code:exercise:${id}`, JSON.stringify({ code: '// from v1\n', savedAt: Date.now() })), ID);
  await openExercise(page, ID);
  await expect(editor(page)).toContainText('// from v1');
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('course:v1:')))).toEqual([]);
});
