/**
 * Offline after the first visit: the Workbox service worker (src/integrations/offline.ts)
 * precaches every page, the editor and runtime chunks, the sandbox frame and the
 * search index, so with the network off a visited site still serves a lesson
 * never opened, its editor, search, and Run and Check (the sandbox frame then
 * loads as the page's srcdoc: see browser-runner.ts). Pyodide is cached on
 * its first use (it is too big to precache), so Python run once runs offline.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { editor, ISLAND_TIMEOUT, output, press, readExerciseFile, results, ROOT, setCode } from './exercise-kit.ts';

// The rest of the suite blocks service workers (playwright.config.ts); this spec is about one.
test.use({ serviceWorkers: 'allow' });

test('after one visit, with the network off: a visited page, a page never opened, its editor, Run, Check and search', async ({ page, context }) => {
  test.setTimeout(120_000);
  await page.goto('/lessons/coroutines/');
  // Installed and active: every file of the precache is stored.
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  expect(new URL(scope).pathname).toBe('/');

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null), 'the reloaded page is served by the worker').toBe(true);

  // A lesson and an exercise never opened online.
  await page.goto('/lessons/cancellation/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.goto('/exercises/first-coroutine/');
  await expect(editor(page)).toBeVisible({ timeout: ISLAND_TIMEOUT });
  await setCode(page, readExerciseFile('first-coroutine', 'solution.ts'));
  await press(page, 'Run', 30_000);
  await expect(output(page)).toContainText('Finished');
  await press(page, 'Check', 30_000);
  await expect(results(page)).toContainText('All checks passed');

  // Search's index comes from the precache too.
  await page.getByRole('button', { name: 'Search' }).click();
  const dialog = page.getByRole('dialog', { name: 'Search' });
  await dialog.getByRole('searchbox').fill('gather');
  await expect(dialog.getByRole('listitem').getByRole('link').first()).toBeVisible({ timeout: 15_000 });
});

test('Python, once run online, runs again with the network off: Pyodide comes from the worker\'s cache, not a CDN', async ({ page, context }) => {
  // Two Pyodide starts on a machine that may be busy.
  test.setTimeout(300_000);
  await page.goto('/lessons/tasks/');
  await page.evaluate(async () => navigator.serviceWorker.ready);
  // The worker never claims an open tab: the reloaded page is the first one it serves.
  await page.reload();
  const pair = page.locator('figure[data-pyts]').filter({ hasText: 'all checks' }).first();
  const output = pair.getByRole('region', { name: 'Output' });
  await pair.getByRole('button', { name: 'Run Python' }).click();
  await expect(output).toContainText('all checks: 0.9 s', { timeout: 240_000 });

  await context.setOffline(true);
  await page.reload();
  await pair.getByRole('button', { name: 'Run Python' }).click();
  await expect(output).toContainText('all checks: 0.9 s', { timeout: 240_000 });
  await expect(output).toContainText('The program finished after 0.90 s.');
});

test('a new version never takes over an open tab: the worker neither claims clients nor skips waiting by itself', () => {
  const sw = readFileSync(`${ROOT}dist/sw.js`, 'utf8');
  expect(sw).not.toMatch(/clientsClaim\(\)/);
  // Workbox keeps skipWaiting() behind an explicit SKIP_WAITING message from a page, which the course never sends.
  expect(sw.match(/skipWaiting\(\)/g)).toHaveLength(1);
  expect(sw).toMatch(/"SKIP_WAITING"===\w+\.data\.type&&self\.skipWaiting\(\)/);
});
