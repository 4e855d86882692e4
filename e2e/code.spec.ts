import { expect, test } from '@playwright/test';
import { lessonPaths } from './site.ts';

test('code blocks are highlighted at build time, in both themes', async ({ page }) => {
  const paths = await lessonPaths(page);
  let blocks = 0;
  for (const path of paths) {
    await page.goto(path);
    const pres = page.locator('pre.astro-code');
    for (const pre of await pres.all()) {
      blocks += 1;
      const colours = async () =>
        pre.evaluate((el) => [...new Set([...el.querySelectorAll('span[style]')].map((s) => getComputedStyle(s).color))]);
      await page.emulateMedia({ colorScheme: 'light' });
      const light = await colours();
      await page.emulateMedia({ colorScheme: 'dark' });
      const dark = await colours();
      expect(light.length, `${path}: a block with several token colours`).toBeGreaterThan(2);
      expect(dark.length).toBeGreaterThan(2);
      expect(dark, `${path}: the dark theme has its own colours`).not.toEqual(light);
    }
  }
  expect(blocks, 'the course has code blocks to check').toBeGreaterThan(0);
});
