import { expect, test } from '@playwright/test';
import { lessonPaths } from './site.ts';

test('next links walk the whole course in order, and previous links walk it back', async ({ page }) => {
  // Two walks of every lesson: generous on a busy machine.
  test.setTimeout(240_000);
  const paths = await lessonPaths(page);

  /** Follows the pager link named `direction` until there is none; returns the pages seen. */
  async function walk(direction: 'Next' | 'Previous'): Promise<string[]> {
    const seen = [new URL(page.url()).pathname];
    const pager = page.getByRole('navigation', { name: 'Previous and next lesson' });
    for (;;) {
      // The pager is on every lesson; waiting for it means the new page has been parsed.
      await expect(pager).toBeVisible();
      const link = pager.getByRole('link', { name: new RegExp(`^${direction}`) });
      if ((await link.count()) === 0) return seen;
      const href = (await link.getAttribute('href'))!;
      await link.click();
      await expect(page).toHaveURL(href);
      seen.push(href);
      expect(seen.length, `${direction} links loop`).toBeLessThanOrEqual(paths.length);
    }
  }

  await page.goto(paths[0]!);
  expect(await walk('Next')).toEqual(paths);
  expect(await walk('Previous')).toEqual([...paths].reverse());
});

test('the sidebar lists every lesson and marks the current one', async ({ page }) => {
  const paths = await lessonPaths(page);
  for (const path of paths) {
    await page.goto(path);
    const sidebar = page.getByRole('navigation', { name: 'Lessons' });
    const links = sidebar.getByRole('link');
    await expect(links).toHaveCount(paths.length);
    const current = sidebar.locator('a[aria-current="page"]');
    await expect(current).toHaveCount(1);
    await expect(current).toHaveAttribute('href', path);
    // Its title is the page's heading.
    await expect(current).toContainText((await page.getByRole('heading', { level: 1 }).textContent())!.trim());
  }
});

test('the on-page table of contents links to the headings', async ({ page }) => {
  const [first] = await lessonPaths(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(first!);
  const toc = page.getByRole('navigation', { name: 'On this page' });
  await expect(toc).toBeVisible();
  const links = toc.getByRole('link');
  expect(await links.count()).toBeGreaterThan(1);
  for (const link of await links.all()) {
    const id = decodeURIComponent((await link.getAttribute('href'))!.slice(1));
    await expect(page.locator(`[id="${id}"]`)).toHaveText((await link.textContent())!);
  }
});

test('the skip link is the first stop and moves to the content', async ({ page }) => {
  const [first] = await lessonPaths(page);
  await page.goto(first!);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  // Focus is visible: an outline of real width.
  const outline = await skip.evaluate((el) => getComputedStyle(el).outlineWidth);
  expect(parseFloat(outline)).toBeGreaterThanOrEqual(2);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#content$/);
  await expect(page.getByRole('main')).toBeInViewport();
});
