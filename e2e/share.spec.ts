/**
 * Share an attempt as a link (src/islands/share.ts, src/lib/share/link.ts):
 * the link opens in a fresh browser (a phone), shows the code as text beside
 * the learner's own without running it or saving anything, and only
 * "Use this code" puts it in the editor and the saved progress.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { THEMES } from './site.ts';
import { editor, ISLAND_TIMEOUT, openExercise, output, setCode } from './exercise-kit.ts';

const KEY = 'course:progress';

test('a shared link, opened in a fresh browser: read-only beside the code, saved only after "Use this code"', async ({ page, browser, baseURL }) => {
  test.setTimeout(90_000);
  await openExercise(page, 'first-coroutine');
  const code = '// <b>not bold</b> <img src=x onerror="window.__pwned=1">\nasync function main() {\n  console.log("from the shared link");\n}\n';
  await setCode(page, code);
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const link = await page.getByRole('textbox', { name: 'Share link' }).inputValue();
  expect(link).toMatch(new RegExp(`^${baseURL}/exercises/first-coroutine/#share=`));

  const phone = await browser.newContext({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
  const other = await phone.newPage();
  const stored = () => other.evaluate((key) => localStorage.getItem(key), KEY);

  // A damaged link: a plain message, nothing shown, nothing saved.
  await other.goto(`${baseURL}/exercises/first-coroutine/#share=${link.split('#share=')[1]!.slice(0, 30)}`);
  await expect(editor(other)).toBeVisible({ timeout: ISLAND_TIMEOUT });
  await expect(other.getByRole('status').filter({ hasText: 'This shared link is damaged' })).toBeVisible();
  await expect(other.getByRole('region', { name: 'Shared code' })).toHaveCount(0);

  await other.goto('about:blank');
  await other.goto(link);
  await expect(editor(other)).toBeVisible({ timeout: ISLAND_TIMEOUT });
  const shared = other.getByRole('region', { name: 'Shared code' });
  await expect(shared).toContainText('console.log("from the shared link")');
  // Markup in the code is text, not elements.
  await expect(shared).toContainText('<b>not bold</b> <img src=x');
  expect(await shared.locator('b, img').count()).toBe(0);
  expect(await other.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  // Not in the editor, not run, not saved.
  await expect(editor(other)).not.toContainText('from the shared link');
  await expect(output(other)).toContainText('Press Run');
  expect(await stored() ?? '').not.toContain('from the shared link');

  // The shared pane on a phone, and the Share link field on the desktop, in both themes.
  for (const [where, scanned] of [['shared pane', other], ['share link', page]] as const) {
    for (const theme of THEMES) {
      await scanned.emulateMedia({ colorScheme: theme });
      const found = await new AxeBuilder({ page: scanned }).include('.wb-exercise').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
      expect(found.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), `${where}, ${theme} theme`).toEqual([]);
    }
  }

  await shared.getByRole('button', { name: 'Use this code' }).click();
  await expect(editor(other)).toContainText('console.log("from the shared link")');
  await expect(shared).toHaveCount(0);
  await expect.poll(async () => (await stored()) ?? '', { timeout: 10_000 }).toContain('from the shared link');
  await expect(output(other)).toContainText('Press Run');
  await phone.close();
});
