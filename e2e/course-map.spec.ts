import { expect, test } from '@playwright/test';
import { lessonPaths, lessonSlugsFromSource } from './site.ts';

test('the home page is the course map: every lesson, in order, with its summary', async ({ page }) => {
  const paths = await lessonPaths(page);
  const expected = lessonSlugsFromSource().map((slug) => `/lessons/${slug}/`);
  expect(paths).toEqual(expected);

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Coroutines, tasks and the event loop');
  const items = page.getByRole('region', { name: 'Course map' }).getByRole('listitem');
  await expect(items).toHaveCount(expected.length);
  for (const item of await items.all()) {
    await expect(item.getByRole('heading', { level: 3 })).not.toBeEmpty();
    // The summary is the last paragraph of each entry.
    await expect(item.locator('p').last()).toHaveText(/\S{3,}/);
  }
});

test('the course map links to the first lesson', async ({ page }) => {
  const [first] = await lessonPaths(page);
  await page.getByRole('link', { name: 'Start with lesson 1' }).click();
  await expect(page).toHaveURL(first!);
});

test('an unknown address answers 404 with the not-found page', async ({ page }) => {
  const response = await page.goto('/no-such-lesson/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await page.getByRole('link', { name: 'Go to the course map' }).click();
  await expect(page).toHaveURL('/');
});
