import { expect, test } from '@playwright/test';
import { lessonPaths } from './site.ts';

test('code blocks are highlighted at build time, in both themes', async ({ page }) => {
  // Visits every lesson (thirteen, with many blocks each): generous on a busy machine.
  test.setTimeout(240_000);
  const paths = await lessonPaths(page);
  let blocks = 0;
  // Token colours of every block on the page, in one round trip per theme (lessons have many blocks).
  const colours = () =>
    page.locator('pre.astro-code').evaluateAll((pres) =>
      pres.map((el) => [...new Set([...el.querySelectorAll('span[style]')].map((s) => getComputedStyle(s).color))]),
    );
  for (const path of paths) {
    await page.goto(path);
    await page.emulateMedia({ colorScheme: 'light' });
    const light = await colours();
    await page.emulateMedia({ colorScheme: 'dark' });
    const dark = await colours();
    light.forEach((lightColours, i) => {
      blocks += 1;
      expect(lightColours.length, `${path}: block ${i + 1} has several token colours`).toBeGreaterThan(2);
      expect(dark[i]!.length).toBeGreaterThan(2);
      expect(dark[i], `${path}: block ${i + 1}: the dark theme has its own colours`).not.toEqual(lightColours);
    });
  }
  expect(blocks, 'the course has code blocks to check').toBeGreaterThan(0);
});
