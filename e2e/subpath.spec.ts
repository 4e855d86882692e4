/**
 * The site under a sub-path (Astro `base`), as on GitHub Pages or behind a
 * proxy: built with COURSE_BASE=/course/ into its own folder, served there by
 * e2e/static-host.ts with the generated headers, and walked home → a lesson →
 * Run a sandbox, with no request answered 404 (or failing) on the way.
 * Set E2E_SUBPATH_DIST to a folder already built that way to skip the build.
 */
import { spawnSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { WEBCONTAINER_ORIGINS } from './site.ts';
import { openPanel, output, press, ROOT } from './exercise-kit.ts';
import { serveStatic, type StaticHost } from './static-host.ts';

const BASE = '/course/';
const OUT = process.env.E2E_SUBPATH_DIST ?? `${ROOT}test-results/dist-course`;
let host: StaticHost;

// The offline service worker must register under the base too (the rest of the suite blocks it).
test.use({ serviceWorkers: 'allow' });

test.beforeAll(async () => {
  test.setTimeout(300_000);
  if (!process.env.E2E_SUBPATH_DIST) {
    const build = spawnSync('npm', ['run', 'build'], {
      cwd: ROOT,
      env: { ...process.env, COURSE_BASE: BASE, COURSE_OUT_DIR: OUT },
      encoding: 'utf8',
      timeout: 280_000,
    });
    expect(build.status, `sub-path build failed:\n${build.stdout}\n${build.stderr}`).toBe(0);
  }
  host = await serveStatic(OUT, BASE);
});
test.afterAll(async () => {
  await host?.close();
});

test('under /course/, home → lesson → Run works, and nothing is missing', async ({ page }) => {
  test.setTimeout(60_000);
  const bad: string[] = [];
  page.on('response', (r) => {
    if (r.status() >= 400) bad.push(`${r.status()} ${r.url()}`);
  });
  page.on('requestfailed', (r) => {
    if (!WEBCONTAINER_ORIGINS.test(r.url())) bad.push(`failed ${r.url()} (${r.failure()?.errorText})`);
  });

  await page.goto(host.url);
  expect(await page.evaluate(() => self.crossOriginIsolated)).toBe(true);
  const links = await page.locator('a[href^="/"]').evaluateAll((els) => els.map((a) => a.getAttribute('href')!));
  expect(links.filter((href) => !href.startsWith(BASE)), 'every link on the home page stays under the base').toEqual([]);
  expect(await page.locator('link[rel="icon"]').getAttribute('href')).toBe(`${BASE}favicon.svg`);

  await page.getByRole('region', { name: 'Course map' }).getByRole('link', { name: /coroutine/i }).first().click();
  await expect(page).toHaveURL(new RegExp(`${BASE}lessons/coroutines/$`));
  const lessonLinks = await page.locator('a[href^="/"]').evaluateAll((els) => els.map((a) => a.getAttribute('href')!));
  expect(lessonLinks.filter((href) => !href.startsWith(BASE)), 'every link in the lesson (prev/next, exercises) stays under the base').toEqual([]);

  const sandbox = page.getByRole('region', { name: 'Calling a coroutine starts it', exact: true });
  await openPanel(sandbox);
  await press(sandbox, 'Run', 15_000);
  await expect(output(sandbox)).toContainText('Starting');
  expect(page.frames().some((f) => f.url().startsWith(`${host.url}sandbox/frame.html`)), 'the sandbox frame comes from under the base').toBe(true);

  // The exercises list, and an exercise from it.
  await page.goto(`${host.url}exercises/`);
  const exerciseHrefs = await page.getByRole('main').getByRole('link').evaluateAll((els) => els.map((a) => a.getAttribute('href')!));
  const exerciseHref = exerciseHrefs.find((href) => /\/exercises\/[^/]+\/$/.test(href));
  expect(exerciseHref, 'the list links to an exercise under the base').toMatch(new RegExp(`^${BASE}exercises/`));
  await page.goto(new URL(exerciseHref!, host.url).href);
  await expect(page.getByRole('textbox', { name: 'Code editor' })).toBeVisible({ timeout: 20_000 });
  // The offline worker installed at the base, through the pages' CSP (worker-src 'self'), with a precache of files under it.
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  expect(scope).toBe(host.url);
  expect(bad, 'no request failed or answered 4xx/5xx').toEqual([]);
});
