/**
 * The page under attack (issue 13 §1 and §3). Each test plays a part a
 * hostile party could play, and asserts that the attack is refused and that
 * the learner's existing progress is intact:
 * - a compromised runtime: code inside the sandbox frame posts doctored
 *   messages over the real channel (markup and script in every field of an
 *   Observation, enums the page doesn't know, non-finite times);
 * - hostile and oversized progress files through "Import progress";
 * - code too large to keep, typed into the editor;
 * - a build served with no headers at all (GitHub Pages, a file server):
 *   the pages' own <meta> policy must hold.
 *
 * "No script ran" is checked twice: `window.__pwned` stays unset, and the
 * markup the payload carries never becomes an element (so the result
 * doesn't rest on the CSP alone).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Frame, type Page } from '@playwright/test';
import { metaCsp, parseNetlifyHeaders, headersFor } from '../src/lib/hosting/headers.ts';
import { editor, ISLAND_TIMEOUT, openExercise, output, press, results, ROOT } from './exercise-kit.ts';
import { serveStatic } from './static-host.ts';

const ID = 'first-coroutine';
const KEY = 'course:progress';
const at = (minute: number) => new Date(Date.UTC(2026, 10, 1, 12, minute)).toISOString();

/** Progress the learner already has: a pass with code, a code-only exercise, an answer, a visit. */
const EXISTING = {
  version: 2,
  exercises: {
    'fetch-all': { passed: true, passedAt: at(1), code: '// my fetch-all answer\n', updatedAt: at(2) },
    [ID]: { passed: false, code: '// my first-coroutine draft\nexport async function main() {}\n', updatedAt: at(3) },
  },
  sandboxes: { 'coroutines/eager-start.ts': { code: '// my sandbox edit\n', updatedAt: at(4) } },
  quizzes: { 'event-loop/order-1': { answer: ['a', 'b'], correct: true, answeredAt: at(5) } },
  lessons: { coroutines: { visitedAt: at(6) } },
  lastLesson: 'coroutines',
};

/** Markup that runs script, navigates or reaches storage if it is ever parsed as HTML. */
const PAYLOAD =
  `"'><img src=x onerror="window.__pwned=1;localStorage.setItem('${KEY}','pwned')">` +
  `<script>window.__pwned=1</script><meta http-equiv="refresh" content="0;url=about:blank">` +
  `<svg onload="window.__pwned=1"></svg><iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>`;

async function seedProgress(page: Page): Promise<void> {
  await page.goto('/');
  await page.evaluate(([key, value]) => localStorage.setItem(key!, value!), [KEY, JSON.stringify(EXISTING)]);
}

/** The attack was refused: nothing ran, nothing navigated, no payload element exists, and progress is as it was. */
async function expectRefused(page: Page, url: string): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
  expect(page.url()).toBe(url);
  const planted = await page.evaluate(() =>
    document.querySelectorAll('img[src="x"], body meta[http-equiv], iframe[srcdoc], svg[onload], [onerror], [onload]').length,
  );
  expect(planted).toBe(0);
  await expectProgressIntact(page);
}

async function expectProgressIntact(page: Page): Promise<void> {
  const stored = JSON.parse((await page.evaluate((key) => localStorage.getItem(key), KEY)) ?? 'null');
  expect(stored?.exercises?.['fetch-all']).toEqual(EXISTING.exercises['fetch-all']);
  for (const [path, entry] of Object.entries(EXISTING.sandboxes)) expect(stored?.sandboxes?.[path]).toEqual(entry);
  for (const [id, entry] of Object.entries(EXISTING.quizzes)) expect(stored?.quizzes?.[id]).toEqual(entry);
  expect(stored?.lessons?.coroutines).toEqual(EXISTING.lessons.coroutines);
}

/** The sandbox frame of the panel, once the page has started it (focusing the editor warms it). */
async function sandboxFrame(page: Page): Promise<Frame> {
  await editor(page).click();
  await expect.poll(() => page.frames().some((f) => f.url().includes('/sandbox/frame.html')), { timeout: ISLAND_TIMEOUT }).toBe(true);
  return page.frames().find((f) => f.url().includes('/sandbox/frame.html'))!;
}

/**
 * Turns the sandbox frame hostile: on the next run request it answers first,
 * over the same channel, with `logs` batches and then a `done` carrying the
 * given Observation (a function of the request, evaluated in the frame).
 */
async function compromise(frame: Frame, make: string, logs: string = '[]'): Promise<void> {
  await frame.evaluate(
    ([makeSource, logsSource]) => {
      const build = new Function('request', `return (${makeSource})(request)`) as (request: unknown) => unknown;
      const batches = new Function(`return ${logsSource}`)() as unknown[];
      addEventListener(
        'message',
        (event: MessageEvent) => {
          const data = event.data as { type?: string; id?: number; request?: unknown };
          if (data?.type !== 'run') return;
          for (const lines of batches) parent.postMessage({ type: 'logs', id: data.id, scenario: 'main', lines }, '*');
          parent.postMessage({ type: 'done', id: data.id, observation: build(data.request) }, '*');
        },
        { capture: true },
      );
    },
    [make, logs],
  );
}

/** An Observation with the payload in every string field, and a valid shape. */
const DOCTORED_VALID = `(request) => {
  const P = ${JSON.stringify(PAYLOAD)};
  return {
    exercise: request.exercise, mode: request.mode, seed: request.seed,
    scenarios: [{
      scenario: P, mode: request.mode, params: { [P]: P },
      logs: [{ t: 1, stream: 'log', text: P, phase: 'sync', seq: 0 }, { t: 2, stream: 'error', text: P, phase: 'timer', timer: 1, seq: 3 }],
      droppedLines: 0, outputTruncated: false,
      spans: [{ id: 1, label: P, kind: 'timer', start: 0, startSeq: 1, end: 5, endSeq: 2, owner: 'learner', outcome: 'ok', ms: 5, detail: P, timer: 1 },
              { id: 2, label: P, kind: 'cpu', start: 1, startSeq: 4, end: null, owner: 'harness' }],
      errors: [{ kind: 'uncaught', message: P, name: P, line: 1, column: 1, t: 3 }],
      settled: { state: 'rejected', at: 4, seq: 5, error: { name: P, message: P, line: 1, column: 1 } },
      pendingAtSettle: [{ id: 2, label: P, kind: 'cpu' }],
      totalTime: 5, record: { [P]: P },
    }],
  };
}`;

test.describe('a compromised runtime', () => {
  test('markup and script in every field of an Observation show as text, in the output and the Timeline', async ({ page }) => {
    test.setTimeout(120_000);
    await seedProgress(page);
    await openExercise(page, ID);
    const url = page.url();
    const frame = await sandboxFrame(page);
    const streamed = JSON.stringify([[{ t: 0, stream: 'log', text: PAYLOAD, phase: 'sync', seq: 0 }]]);
    await compromise(frame, DOCTORED_VALID, streamed);
    await press(page, 'Run');
    await expect(output(page)).toContainText('<img src=x onerror=');
    await page.locator('[data-timeline-panel] > summary').click();
    await expect(page.locator('[data-timeline-panel] [data-timeline]').first()).toBeVisible();
    await page.locator('[data-timeline-panel] .tl-details > summary').first().click();
    await expect(page.locator('[data-timeline-panel] .tl-table').first()).toContainText('<script>window.__pwned=1</script>');
    await expectRefused(page, url);
  });

  const unreadable: Array<[string, string]> = [
    ['an unknown mode', `(r) => ({ exercise: r.exercise, mode: '"><img src=x onerror=window.__pwned=1>', seed: r.seed, scenarios: [] })`],
    ['markup where a number goes', `(r) => ({ exercise: r.exercise, mode: r.mode, seed: '<script>window.__pwned=1</script>', scenarios: [] })`],
    [
      'an infinite time (blockFor(Infinity))',
      `(r) => ({ exercise: r.exercise, mode: r.mode, seed: r.seed, scenarios: [{ scenario: 'main', mode: r.mode, params: null, logs: [], droppedLines: 0, outputTruncated: false,
        spans: [{ id: 1, label: 'blockFor', kind: 'cpu', start: 0, startSeq: 0, end: Infinity, endSeq: 1, owner: 'learner' }], errors: [], settled: { state: 'pending' }, pendingAtSettle: [], totalTime: Infinity, record: {} }] })`,
    ],
    [
      'a NaN line time and an unknown stream',
      `(r) => ({ exercise: r.exercise, mode: r.mode, seed: r.seed, scenarios: [{ scenario: 'main', mode: r.mode, params: null, logs: [{ t: NaN, stream: '<b>', text: 'x', phase: 'sync', seq: 0 }], droppedLines: 0, outputTruncated: false,
        spans: [], errors: [], settled: { state: 'pending' }, pendingAtSettle: [], totalTime: 1, record: {} }] })`,
    ],
    [
      'a hundred thousand lines',
      `(r) => ({ exercise: r.exercise, mode: r.mode, seed: r.seed, scenarios: [{ scenario: 'main', mode: r.mode, params: null,
        logs: Array.from({ length: 100000 }, (_, i) => ({ t: 0, stream: 'log', text: 'spam', phase: 'sync', seq: i })), droppedLines: 0, outputTruncated: false,
        spans: [], errors: [], settled: { state: 'fulfilled', at: 0, seq: 0, value: null }, pendingAtSettle: [], totalTime: 1, record: {} }] })`,
    ],
    ['a forged "pass" with no scenarios in an odd shape', `(r) => ({ exercise: r.exercise, mode: r.mode, seed: r.seed, scenarios: 'all passed', verdict: { passed: true } })`],
    ['null', `() => null`],
  ];
  for (const [name, make] of unreadable) {
    test(`${name}: Check says the run sent something the page can't read, and records nothing`, async ({ page }) => {
      test.setTimeout(120_000);
      await seedProgress(page);
      await openExercise(page, ID);
      const url = page.url();
      await compromise(await sandboxFrame(page), make, JSON.stringify([[{ t: Infinity, stream: '<i>', text: PAYLOAD, phase: 'sync', seq: 0 }]]));
      await press(page, 'Check', 60_000);
      await expect(results(page)).toContainText('can’t read');
      await expect(results(page)).not.toContainText('All checks passed');
      // The tab still answers, and Check is usable again.
      expect(await page.evaluate(() => 1 + 1)).toBe(2);
      await expect(page.getByRole('button', { name: 'Check', exact: true })).not.toHaveAttribute('aria-disabled', 'true');
      await expectRefused(page, url);
      const stored = JSON.parse((await page.evaluate((key) => localStorage.getItem(key), KEY))!);
      expect(stored.exercises[ID].passed).toBe(false);
    });
  }
});

test.describe('hostile progress files', () => {
  const exportFile = (progress: unknown) => JSON.stringify({ format: 'async-course-progress', exportedAt: at(10), progress });
  const empty = { version: 2, exercises: {}, sandboxes: {}, quizzes: {}, lessons: {} };
  const files: Array<[string, string, RegExp]> = [
    [
      'an id of "constructor" (and friends)',
      exportFile({ ...empty, exercises: { constructor: { passed: true, updatedAt: at(9) }, toString: { passed: false, code: 'x', updatedAt: at(9) } }, lessons: { hasOwnProperty: { visitedAt: at(9) } } }),
      /merged it with the progress already in this browser/,
    ],
    ['a "__proto__" id', `{"format":"async-course-progress","exportedAt":"${at(10)}","progress":{"version":2,"exercises":{"__proto__":{"passed":true,"updatedAt":"${at(9)}"}},"sandboxes":{},"quizzes":{},"lessons":{}}}`, /merged it/],
    [
      'newer-looking code dated in the future',
      exportFile({ ...empty, exercises: { 'fetch-all': { passed: true, passedAt: at(1), code: '// overwritten!\n', updatedAt: '2999-01-01T00:00:00.000Z' } } }),
      /date in the future, so the copy in this browser was kept/,
    ],
    ['16,000 junk ids', exportFile({ ...empty, lessons: Object.fromEntries(Array.from({ length: 16_000 }, (_, i) => [`junk-${i}`, { visitedAt: at(1) }])) }), /more than 500 entries/],
    ['an invalid date', exportFile({ ...empty, exercises: { x: { passed: true, updatedAt: 'Invalid Date' } } }), /progress\.exercises\.x\.updatedAt/],
    ['markup in every field', exportFile({ ...empty, quizzes: { [PAYLOAD.slice(0, 150)]: { answer: PAYLOAD, correct: true, answeredAt: at(9) } } }), /merged it/],
    ['a file of 6 MB', `{"format":"async-course-progress","pad":"${'x'.repeat(6_000_000)}"}`, /too large/],
  ];
  for (const [name, text, message] of files) {
    test(`${name}: refused or merged safely, with a clear message, and existing progress intact`, async ({ page }) => {
      test.setTimeout(120_000);
      await seedProgress(page);
      await page.goto('/');
      const url = page.url();
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Import progress' }).click()]);
      await chooser.setFiles({ name: 'hostile.json', mimeType: 'application/json', buffer: Buffer.from(text) });
      await expect(page.locator('[data-progress-message]')).toContainText(message);
      await expectRefused(page, url);
      // A reload reads it back without setting anything aside, and the islands still start.
      await page.reload();
      await expect(page.locator('[data-site-notices]')).toBeHidden();
      await expectProgressIntact(page);
      expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('course:progress:corrupt:')))).toEqual([]);
      await openExercise(page, 'fetch-all');
      await expect(editor(page)).toContainText('// my fetch-all answer');
    });
  }
});

test('code over the cap in the editor is refused with a notice, stays in the editor, and touches nothing else', async ({ page }) => {
  test.setTimeout(120_000);
  await seedProgress(page);
  await openExercise(page, ID);
  const before = await page.evaluate((key) => localStorage.getItem(key), KEY);
  const huge = `// big\n${'const x = 1;\n'.repeat(16_000)}`;
  expect(huge.length).toBeGreaterThan(200_000);
  await editor(page).click();
  await page.keyboard.press('ControlOrMeta+a');
  // Pasted, as a learner would (typing 200,000 characters key by key would take minutes).
  await editor(page).evaluate((element, text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, huge);
  await expect(page.getByText(/more than the 200,000 the course keeps/)).toBeVisible({ timeout: 30_000 });
  expect(await page.evaluate((key) => localStorage.getItem(key), KEY)).toBe(before);
  await expect(editor(page)).toContainText('const x = 1;');
  // Another page load: nothing was set aside, and everything, including this exercise's earlier draft, is back.
  await page.reload();
  await expect(editor(page)).toContainText('// my first-coroutine draft', { timeout: ISLAND_TIMEOUT });
  await expectProgressIntact(page);
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('course:progress:corrupt:')))).toEqual([]);
});

test('a legacy key with an invalid date does not stop the islands', async ({ page }) => {
  await seedProgress(page);
  await page.evaluate(() => localStorage.setItem('course:v1:code:exercise:fetch-all', JSON.stringify({ code: '// old', savedAt: 1e300 })));
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openExercise(page, ID);
  await expect(editor(page)).toContainText('// my first-coroutine draft');
  expect(errors).toEqual([]);
  await expectProgressIntact(page);
});

test.describe('a build served with no headers at all', () => {
  const DIST = `${ROOT}dist`;

  test('every page carries the same policy as the headers, in a <meta>', () => {
    const rules = parseNetlifyHeaders(readFileSync(`${DIST}/_headers`, 'utf8'));
    const policy = metaCsp(headersFor(rules, '/lessons/coroutines/')['Content-Security-Policy']!);
    const pages = (readdirSync(DIST, { recursive: true }) as string[]).filter((f) => f.endsWith('.html') && !f.startsWith('sandbox'));
    expect(pages).toContain('404.html');
    for (const file of pages) {
      const html = readFileSync(join(DIST, file), 'utf8');
      const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html);
      expect(meta?.[1]?.replaceAll('&quot;', '"').replaceAll('&amp;', '&'), file).toBe(policy);
      expect(html.indexOf(meta![0]), `${file}: the policy comes before any script`).toBeLessThan(html.search(/<script\b/i) === -1 ? Infinity : html.search(/<script\b/i));
    }
  });

  test('the meta policy blocks injected script on a page and on the 404 page, and the site still works', async ({ page }) => {
    const host = await serveStatic(DIST, '/', { headers: false });
    try {
      for (const path of [`${host.url}exercises/${ID}/`, `${host.url}no-such-page/`]) {
        const response = await page.goto(path);
        expect(response!.headers()['content-security-policy']).toBeUndefined();
        await page.evaluate(() => {
          (window as unknown as { violations: number }).violations = 0;
          addEventListener('securitypolicyviolation', () => (window as unknown as { violations: number }).violations++);
          const script = document.createElement('script');
          script.textContent = 'window.__pwned = 1';
          document.body.append(script);
          const img = document.createElement('img');
          img.setAttribute('onerror', 'window.__pwned = 1');
          img.src = 'data:,x';
          document.body.append(img);
        });
        // Both were reported as blocked by the policy: only then is "nothing ran" a fact, not a race.
        await expect.poll(() => page.evaluate(() => (window as unknown as { violations: number }).violations)).toBeGreaterThanOrEqual(2);
        expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
      }
      // The island still runs under that policy.
      await page.goto(`${host.url}exercises/${ID}/`);
      await expect(editor(page)).toBeVisible({ timeout: ISLAND_TIMEOUT });
      await press(page, 'Run', 60_000);
      await expect(output(page)).not.toContainText('Something went wrong in the course');
    } finally {
      await host.close();
    }
  });
});
