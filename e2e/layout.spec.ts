import { expect, test, type Page } from '@playwright/test';
import { allPaths } from './site.ts';

const noHorizontalScroll = (page: Page) =>
  page.evaluate(() => {
    const el = document.scrollingElement!;
    return { scrollWidth: el.scrollWidth, clientWidth: el.clientWidth };
  });

test.describe('on a 375 px phone', () => {
  test.use({ viewport: { width: 375, height: 740 }, hasTouch: true, isMobile: true });

  test('no page scrolls sideways, with the lesson menu closed or open', async ({ page }) => {
    // Visits every page of the site: generous on a busy machine.
    test.setTimeout(240_000);
    for (const path of await allPaths(page)) {
      await page.goto(path);
      const closed = await noHorizontalScroll(page);
      expect(closed.scrollWidth, `${path} scrolls sideways`).toBeLessThanOrEqual(closed.clientWidth);
      const menu = page.getByRole('navigation', { name: 'Lessons' });
      if (await menu.count()) {
        await menu.locator('summary').click();
        const open = await noHorizontalScroll(page);
        expect(open.scrollWidth, `${path} with the menu open`).toBeLessThanOrEqual(open.clientWidth);
      }
    }
  });

  test('the lessons are a menu that opens, and the table of contents is hidden', async ({ page }) => {
    const paths = await allPaths(page);
    const lessons = paths.filter((p) => p.startsWith('/lessons/'));
    await page.goto(lessons[0]!);
    const nav = page.getByRole('navigation', { name: 'Lessons' });
    const summary = nav.locator('summary');
    await expect(summary).toBeVisible();
    await expect(nav.getByRole('link')).toHaveCount(0);
    await summary.click();
    await expect(nav.getByRole('link')).toHaveCount(lessons.length);
    await expect(nav.locator('a[aria-current="page"]')).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'On this page' })).toBeHidden();
    await expect(page.getByRole('button', { name: 'Theme' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Previous and next lesson' })).toBeVisible();
  });
});

test.describe('on a wide desktop', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test('sidebar and table of contents sit beside the text', async ({ page }) => {
    const paths = await allPaths(page);
    await page.goto(paths[1]!);
    const sidebar = page.getByRole('navigation', { name: 'Lessons' });
    const main = page.getByRole('main');
    const toc = page.getByRole('navigation', { name: 'On this page' });
    await expect(sidebar.locator('summary')).toBeHidden();
    await expect(sidebar.getByRole('link').first()).toBeVisible();
    await expect(toc).toBeVisible();
    const [s, m, t] = await Promise.all([sidebar.boundingBox(), main.boundingBox(), toc.boundingBox()]);
    expect(s!.x + s!.width).toBeLessThanOrEqual(m!.x + 1);
    expect(t!.x).toBeGreaterThanOrEqual(m!.x + m!.width - 1);
    const scroll = await noHorizontalScroll(page);
    expect(scroll.scrollWidth).toBeLessThanOrEqual(scroll.clientWidth);
  });
});
