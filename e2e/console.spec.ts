import { expect, test } from '@playwright/test';
import { allPaths, WEBCONTAINER_ORIGINS } from './site.ts';

test('no page logs a console error, throws, or fails to load a resource', async ({ page }) => {
  // Every page, twice (both themes): about thirty pages now.
  test.setTimeout(180_000);
  const paths = await allPaths(page);
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() !== 'error' || WEBCONTAINER_ORIGINS.test(msg.location().url)) return;
    problems.push(`${page.url()}: console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`${page.url()}: uncaught: ${err.message}`));
  page.on('requestfailed', (req) => {
    const error = req.failure()?.errorText ?? '';
    // Navigating on cancels what is still in flight (often the favicon): not a fault.
    if (error !== 'net::ERR_ABORTED' && !WEBCONTAINER_ORIGINS.test(req.url())) problems.push(`${req.url()}: request failed: ${error}`);
  });
  page.on('response', (res) => {
    if (res.status() >= 400) problems.push(`${res.url()}: HTTP ${res.status()}`);
  });
  for (const path of paths) {
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.goto(path, { waitUntil: 'load' });
    }
    // The theme button runs the only script a lesson has.
    await page.getByRole('button', { name: 'Theme' }).click();
  }
  expect(problems).toEqual([]);
});
