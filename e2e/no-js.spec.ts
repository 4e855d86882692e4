import { expect, test } from '@playwright/test';
import { allPaths } from './site.ts';

test('a lesson without a sandbox ships no JavaScript but the inline theme script', async ({ page }) => {
  for (const path of await allPaths(page)) {
    const scripts: string[] = [];
    page.on('request', (req) => {
      if (req.resourceType() === 'script') scripts.push(req.url());
    });
    await page.goto(path);
    expect(scripts, `${path} loads scripts`).toEqual([]);
    const inline = await page.locator('script').evaluateAll((els) =>
      els.map((el) => ({ src: (el as HTMLScriptElement).src, bytes: el.textContent?.length ?? 0 })),
    );
    expect(inline.length, `${path}: one inline script`).toBe(1);
    expect(inline[0]!.src).toBe('');
    expect(inline[0]!.bytes, 'the theme script stays tiny').toBeLessThan(1500);
    page.removeAllListeners('request');
  }
});
