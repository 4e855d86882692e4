import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { allPaths, lessonPaths, shownTheme, THEMES } from './site.ts';

// Scans run one page after another; allow for a long course on a busy machine.
test.setTimeout(480_000);

for (const theme of THEMES) {
  test(`axe finds no violations on any page, ${theme} theme`, async ({ page }) => {
    const paths = await allPaths(page);
    await page.emulateMedia({ colorScheme: theme });
    for (const path of paths) {
      await test.step(path, async () => {
        await page.goto(path);
        expect(await shownTheme(page)).toBe(theme);
        const results = await new AxeBuilder({ page })
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
          .analyze();
        const summary = results.violations.map(
          (v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`,
        );
        expect(summary, `${path} in the ${theme} theme`).toEqual([]);
      });
    }
  });
}

test('axe finds no violations with the phone menu open', async ({ page }) => {
  const [first] = await lessonPaths(page);
  await page.setViewportSize({ width: 375, height: 740 });
  for (const theme of THEMES) {
    await page.emulateMedia({ colorScheme: theme });
    await page.goto(first!);
    await page.locator('.lesson-menu summary').click();
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
  }
});
