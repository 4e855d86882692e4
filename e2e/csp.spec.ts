/**
 * The Content-Security-Policy the static hosts send (dist/_headers, written
 * by src/integrations/hosting.ts) lets the site do everything it does: no
 * violation on the home page, on a lesson whose sandbox runs, or in search.
 * The site is served by e2e/static-host.ts with exactly those headers.
 */
import { existsSync, readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { headersFor, parseNetlifyHeaders } from '../src/lib/hosting/headers.ts';
import { openPanel, output, press, ROOT } from './exercise-kit.ts';
import { serveStatic, type StaticHost } from './static-host.ts';

const DIST = `${ROOT}dist`;
let host: StaticHost;

test.beforeAll(async () => {
  host = await serveStatic(DIST);
});
test.afterAll(async () => {
  await host?.close();
});

/** Records violations (events in the page and its frames, and console reports) from the first byte. */
async function watchViolations(page: Page): Promise<string[]> {
  const seen: string[] = [];
  await page.exposeFunction('reportViolation', (text: string) => seen.push(text));
  await page.addInitScript(() => {
    addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { reportViolation(t: string): void }).reportViolation(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  page.on('console', (msg) => {
    if (/Content.Security.Policy|Refused to/i.test(msg.text())) seen.push(msg.text());
  });
  return seen;
}

test('the generated headers: a CSP on pages, the frame’s own policy on the sandbox, immutable assets', () => {
  const rules = parseNetlifyHeaders(readFileSync(`${DIST}/_headers`, 'utf8'));
  const page = headersFor(rules, '/lessons/coroutines/');
  expect(page['Content-Security-Policy']).toMatch(/script-src 'self'( '[^']+')* 'sha256-/);
  expect(page['Content-Security-Policy']).not.toMatch(/'unsafe-eval'/);
  expect(page['Cross-Origin-Embedder-Policy']).toBe('require-corp');
  const frame = headersFor(rules, '/sandbox/frame.html');
  const meta = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(readFileSync(`${ROOT}public/sandbox/frame.html`, 'utf8'))?.[1];
  expect(frame['Content-Security-Policy'], 'the frame gets one policy, the same as its meta').toBe(meta);
  expect(headersFor(rules, '/_astro/x.js')['Cache-Control']).toBe('public, max-age=31536000, immutable');
  // vercel.json (committed) says the same as the build.
  const vercel = JSON.parse(readFileSync(`${ROOT}vercel.json`, 'utf8')) as { headers: Array<{ source: string; headers: Array<{ key: string; value: string }> }> };
  const lessons = vercel.headers.find((h) => h.source === '/lessons/(.*)')!;
  expect(lessons.headers.find((h) => h.key === 'Content-Security-Policy')?.value, 'vercel.json is up to date: commit the one the build wrote').toBe(page['Content-Security-Policy']);
});

test('home, a lesson with a sandbox run, and search raise no CSP violation', async ({ page }) => {
  test.setTimeout(60_000);
  const violations = await watchViolations(page);
  const response = await page.goto(host.url);
  expect(response!.headers()['content-security-policy']).toContain("default-src 'none'");
  expect(await page.evaluate(() => self.crossOriginIsolated)).toBe(true);
  await page.getByRole('button', { name: 'Theme' }).first().click();

  await page.goto(`${host.url}lessons/coroutines/`);
  const sandbox = page.getByRole('region', { name: 'Calling a coroutine starts it', exact: true });
  await openPanel(sandbox);
  await press(sandbox, 'Run', 15_000);
  await expect(output(sandbox)).toContainText('Starting');

  if (existsSync(`${DIST}/pagefind`)) {
    await page.getByRole('button', { name: 'Search' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Search' });
    await dialog.getByRole('searchbox').fill('event loop');
    await expect(dialog.getByRole('link').first()).toBeVisible({ timeout: 15_000 });
  }
  expect(violations).toEqual([]);
});
