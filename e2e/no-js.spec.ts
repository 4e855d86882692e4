import { expect, test } from '@playwright/test';
import { allPaths } from './site.ts';

/**
 * Markers of interactive parts that load their code on purpose: islands
 * (exercise, sandbox, predict-the-output question) and the course map's
 * progress controls (export, import, reset).
 */
const INTERACTIVE = 'astro-island, [data-sandbox], [data-exercise], [data-predict], [data-progress-controls]';

test('a page without a sandbox ships no JavaScript but the inline theme script', async ({ page }) => {
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
    expect(inline.length, `${path}: one inline script`).toBe(1);
    expect(inline[0]!.src).toBe('');
    expect(inline[0]!.bytes, 'the theme script stays tiny').toBeLessThan(1500);
  }
  expect(checked, 'the 404 page has no island').toEqual(expect.arrayContaining(['/404.html']));
});
