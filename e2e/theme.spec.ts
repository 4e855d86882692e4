import { expect, test } from '@playwright/test';
import { lessonPaths, shownTheme } from './site.ts';

test('the theme follows the system until the Theme button overrides it, and the choice is kept', async ({ page }) => {
  const [first, second = first] = await lessonPaths(page);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(first!);
  const button = page.getByRole('button', { name: 'Theme' });
  expect(await shownTheme(page)).toBe('light');
  await expect(button).toHaveAttribute('aria-pressed', 'false');

  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await shownTheme(page)).toBe('dark');
  await expect(button).toHaveAttribute('aria-pressed', 'true');

  // Override: light while the system is dark, kept across pages and reloads.
  await button.click();
  expect(await shownTheme(page)).toBe('light');
  await expect(button).toHaveAttribute('aria-pressed', 'false');
  await page.goto(second!);
  expect(await shownTheme(page)).toBe('light');
  expect(await page.evaluate(() => localStorage.getItem('theme'))).toBe('light');

  // Back to the system's theme: the override is forgotten.
  await page.getByRole('button', { name: 'Theme' }).click();
  expect(await shownTheme(page)).toBe('dark');
  expect(await page.evaluate(() => localStorage.getItem('theme'))).toBeNull();
});

test('a stored theme applies before the body is parsed, so it never flashes', async ({ page }) => {
  const [first] = await lessonPaths(page);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.evaluate(() => localStorage.setItem('theme', 'dark'));
  // Note the theme attribute the moment <body> appears: before anything in it can paint.
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (!document.body) return;
      observer.disconnect();
      (window as unknown as { themeAtBody?: string }).themeAtBody = document.documentElement.dataset.theme;
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(first!);
  expect(await page.evaluate(() => (window as unknown as { themeAtBody?: string }).themeAtBody)).toBe('dark');
  expect(await shownTheme(page)).toBe('dark');
  await expect(page.getByRole('button', { name: 'Theme' })).toHaveAttribute('aria-pressed', 'true');
});
