import { expect, test } from '@playwright/test';
import { allPaths } from './site.ts';

/**
 * Markers of interactive parts that load their code on purpose: islands
 * (exercise, sandbox, predict-the-output question) and the course map's
 * progress controls (export, import, reset).
 */
const INTERACTIVE = 'astro-island, [data-sandbox], [data-exercise], [data-predict], [data-progress-controls]';

test('a page without a sandbox loads no script file, only tiny inline scripts', async ({ page }) => {
  const checked: string[] = [];
  for (const path of await allPaths(page)) {
    const scripts: string[] = [];
    const onRequest = (req: { resourceType(): string; url(): string }) => {
      if (req.resourceType() === 'script') scripts.push(req.url());
    };
    page.on('request', onRequest);
    await page.goto(path);
    page.off('request', onRequest);
    if (await page.locator(INTERACTIVE).count()) continue;
    checked.push(path);
    expect(scripts, `${path} loads scripts`).toEqual([]);
    const inline = await page.locator('script').evaluateAll((els) =>
      els.map((el) => ({ src: (el as HTMLScriptElement).src, bytes: el.textContent?.length ?? 0 })),
    );
    // Four tiny inline scripts, and no file: the theme (no flash), the Search
    // button (Pagefind itself loads only when the dialog opens), the
    // progress marks in the sidebar and course map, and the offline worker's
    // registration (after load).
    expect(inline.every((s) => s.src === ''), `${path}: inline scripts only`).toBe(true);
    expect(inline.length, `${path}: theme, search, progress and offline scripts`).toBeLessThanOrEqual(4);
    const bytes = inline.reduce((sum, s) => sum + s.bytes, 0);
    // About 8.3 KB today: the progress marks grew with Passed/Started/New and "Continue" (issue 18); the page-weight bench holds the real budget.
    expect(bytes, 'the inline scripts stay tiny').toBeLessThan(9000);
  }
  expect(checked, 'the 404 page has no island').toEqual(expect.arrayContaining(['/404.html']));
});
