import { expect, test } from '@playwright/test';
import { lessonPaths } from './site.ts';

test('a lesson page is cross-origin isolated', async ({ page }) => {
  const [first] = await lessonPaths(page);
  const response = await page.goto(first!);
  const headers = response!.headers();
  expect(headers['cross-origin-opener-policy']).toBe('same-origin');
  expect(headers['cross-origin-embedder-policy']).toBe('require-corp');
  expect(headers['cross-origin-resource-policy']).toBe('same-origin');
  expect(await page.evaluate(() => self.crossOriginIsolated)).toBe(true);
  expect(await page.evaluate(() => typeof SharedArrayBuffer)).toBe('function');
});

test('own assets are served with CORP same-origin', async ({ page, request }) => {
  const [first] = await lessonPaths(page);
  await page.goto(first!);
  const assets = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"], link[rel="icon"]')].map((l) => l.href),
  );
  expect(assets.length).toBeGreaterThan(0);
  for (const url of assets) {
    const res = await request.get(url);
    expect(res.ok(), url).toBe(true);
    expect(res.headers()['cross-origin-resource-policy'], url).toBe('same-origin');
  }
});
