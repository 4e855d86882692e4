/** Search: Pagefind loads only when the dialog opens; "/" opens it; "gather" finds the tasks lesson and the cheat sheet. */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { THEMES } from './site.ts';

test('"gather" finds the tasks lesson and the cheat sheet; Pagefind loads only when opened', async ({ page }) => {
  const fetched: string[] = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto('/lessons/coroutines/');
  expect(fetched.filter((p) => p.includes('/pagefind/'))).toEqual([]);
  await page.keyboard.press('/');
  const dialog = page.getByRole('dialog', { name: 'Search' });
  await expect(dialog).toBeVisible();
  const field = dialog.getByRole('searchbox');
  await expect(field).toBeFocused();
  await field.fill('gather');
  const links = dialog.getByRole('listitem').getByRole('link');
  await expect(links.first()).toBeVisible({ timeout: 15_000 });
  const hrefs = await links.evaluateAll((els) => els.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  expect(hrefs).toContain('/lessons/tasks/');
  expect(hrefs).toContain('/cheatsheet/');
  await expect(dialog.getByRole('status')).toContainText('for “gather”');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('a result links to the section that matched, and following it lands there', async ({ page }) => {
  await page.goto('/lessons/introduction/');
  await page.getByRole('button', { name: 'Search' }).click();
  const dialog = page.getByRole('dialog', { name: 'Search' });
  await dialog.getByRole('searchbox').fill('structured concurrency');
  const links = dialog.getByRole('listitem').getByRole('link');
  await expect(links.first()).toBeVisible({ timeout: 15_000 });
  const cancellation = dialog.locator('a[href^="/lessons/cancellation/"]').first();
  const href = (await cancellation.getAttribute('href'))!;
  // Pagefind's sub-result for the heading, not the top of the lesson.
  expect(href).toBe('/lessons/cancellation/#structured-concurrency-tasks-that-end-together');
  await expect(cancellation).toContainText('Structured concurrency');
  await cancellation.click();
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(/\/lessons\/cancellation\/#structured-concurrency-tasks-that-end-together$/);
  await expect(page.getByRole('heading', { name: /Structured concurrency: tasks that end together/ })).toBeInViewport();
});

test('"/" typed in the editor or a field does not open search', async ({ page }) => {
  await page.goto('/exercises/first-coroutine/');
  const editor = page.getByRole('textbox', { name: 'Code editor' });
  await expect(editor).toBeVisible({ timeout: 20_000 });
  await editor.click();
  await page.keyboard.press('End');
  await page.keyboard.type('//');
  await expect(page.getByRole('dialog', { name: 'Search' })).toBeHidden();
});

for (const theme of THEMES) {
  test(`axe finds nothing on the search dialog with results, and on the keyboard help page, ${theme} theme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: theme });
    await page.goto('/');
    await page.getByRole('button', { name: 'Search' }).click();
    const dialog = page.getByRole('dialog', { name: 'Search' });
    await dialog.getByRole('searchbox').fill('gather');
    await expect(dialog.getByRole('listitem').first()).toBeVisible({ timeout: 15_000 });
    const scan = async (where: string) => {
      const found = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
      expect(found.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), where).toEqual([]);
    };
    await scan('search dialog');
    await page.goto('/help/keyboard/');
    await scan('keyboard help');
  });
}
