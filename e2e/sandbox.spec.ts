/**
 * The browser runtime and the island around it: bad code,
 * escape attempts, saving, Reset, Show solution, hints, keyboard, lazy
 * loading and the lesson's sandboxes. Offline, in Chromium. Runaway code is
 * in sandbox-runaway.alone.spec.ts, which runs with nothing beside it.
 */
import { expect, test } from '@playwright/test';
import { editor, openExercise, output, press, readExerciseFile, results, setCode, openPanel } from './exercise-kit.ts';

const ID = 'first-coroutine';

test('a syntax error shows at its line in the editor and in the output, and an edit survives a reload', async ({ page }) => {
  await openExercise(page, ID);
  const bad = "export async function main(): Promise<void> {\n  console.log('Starting');\n  console.log('Finished'\n}\n";
  await setCode(page, bad);
  // The editor marks it as soon as it parses, before anything runs.
  await expect(page.locator('.cm-lint-marker-error').first()).toBeVisible();
  await press(page, 'Run');
  await expect(output(page)).toContainText(/Syntax error: .*line 4/);
  // The diagnostic from the run sits on line 4, the line the compiler named.
  const markedLine = await page.locator('.cm-lintRange-error').last().evaluate((el) => {
    const line = el.closest('.cm-line')!;
    return [...line.parentElement!.children].indexOf(line) + 1;
  });
  expect(markedLine).toBe(4);
  await page.locator('.cm-lintRange-error').last().hover();
  await expect(page.getByText(/Syntax error: .*line 4/).first()).toBeVisible();

  await page.reload();
  await expect(editor(page)).toContainText("console.log('Finished'");
  await expect(page.getByText('Your code from your last visit is back')).toBeVisible();
});

test.describe('escapes fail, and the refusal is reported as a learner error', () => {
  const attempts = [
    { name: 'localStorage', code: "console.log(localStorage.getItem('secret'));", shows: /localStorage is not defined/ },
    { name: 'document.cookie', code: 'console.log(document.cookie);', shows: /document is not defined/ },
    { name: 'parent.document', code: 'console.log(parent.document.title);', shows: /parent is not defined/ },
    { name: 'fetch to another origin', code: "console.log(await (await fetch('https://example.com/')).text());", shows: /has no network/ },
    {
      name: 'the worker’s own fetch, past the course’s',
      code: "const real = (globalThis as any).WorkerGlobalScope.prototype.fetch;\n  console.log(await (await real.call(globalThis, 'https://example.com/')).text());",
      // Learner code runs in an SES compartment whose global object has no
      // WorkerGlobalScope, so the attack fails on line 2, where it looks for
      // the worker's fetch: line 3, the request, never runs.
      shows: /TypeError: Cannot read properties of undefined \(reading 'prototype'\) \(line 2,/,
    },
  ];
  for (const attempt of attempts) {
    test(attempt.name, async ({ page }) => {
      await page.goto('/exercises/');
      await page.evaluate(() => {
        localStorage.setItem('secret', 'hunter2');
        document.cookie = 'session=hunter2; path=/';
      });
      await openExercise(page, ID);
      await setCode(page, `export async function main(): Promise<void> {\n  ${attempt.code}\n}\n`);
      await press(page, 'Run');
      await expect(output(page).locator('.wb-error')).toContainText(attempt.shows);
      await expect(output(page)).not.toContainText('hunter2');
      await press(page, 'Check');
      const runs = results(page).getByRole('listitem').filter({ hasText: 'Your code runs to the end' });
      await expect(runs).toContainText('Failed');
      await expect(runs).toContainText(attempt.shows);
    });
  }
});

test('code is saved as it is typed; Reset asks first and can be cancelled; Show solution comes after a Check, asks once, and never overwrites', async ({ page }) => {
  await openExercise(page, ID);
  const mine = "import { operation } from '@course/helpers';\n\nexport async function main(): Promise<void> {\n  console.log('mine');\n}\n";
  await setCode(page, mine);
  // Hints before the solution: it is offered only after the first Check (or the last hint).
  await expect(page.getByRole('button', { name: 'Show solution' })).toBeHidden();
  await press(page, 'Check');
  await page.getByRole('button', { name: 'Show solution' }).click();
  // It asks, in the page, first; "Not yet" leaves it closed.
  const ask = page.getByRole('group', { name: /See the reference solution\?/ });
  await ask.getByRole('button', { name: 'Not yet' }).click();
  await expect(ask).toHaveCount(0);
  await expect(page.getByText('Reference solution (read-only)')).toBeHidden();
  await page.getByRole('button', { name: 'Show solution' }).click();
  await ask.getByRole('button', { name: 'Show it' }).click();
  await expect(page.getByText('Reference solution (read-only)')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Hide solution' })).toHaveAttribute('aria-expanded', 'true');
  await expect(page.locator('[data-solution-pane]')).toContainText('await operation()');
  await expect(editor(page)).toContainText("console.log('mine')");

  // Saved without pressing anything: a reload brings it back.
  await page.waitForTimeout(600);
  await page.reload();
  await expect(editor(page)).toContainText("console.log('mine')");

  await page.getByRole('button', { name: 'Reset' }).click();
  const dialog = page.getByRole('dialog', { name: 'Reset the code?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(editor(page)).toContainText("console.log('mine')");

  await page.getByRole('button', { name: 'Reset' }).click();
  await dialog.getByRole('button', { name: 'Reset' }).click();
  await expect(editor(page)).toContainText('// your code here');
  await expect(page.getByRole('button', { name: 'Reset' })).toBeFocused();
  // Undo brings the learner's code back.
  await editor(page).click();
  await page.keyboard.press('ControlOrMeta+z');
  await expect(editor(page)).toContainText("console.log('mine')");
});

test('the hint ladder shows one hint at a time and keeps the earlier ones', async ({ page }) => {
  await openExercise(page, ID);
  const hints = JSON.parse(readExerciseFile(ID, 'exercise.json')).hints as string[];
  const ladder = page.getByRole('heading', { name: 'Hints' }).locator('..');
  await page.getByRole('button', { name: 'Show hint' }).click();
  await expect(ladder.getByRole('listitem')).toHaveCount(1);
  for (let i = 1; i < hints.length; i++) {
    await page.getByRole('button', { name: 'Next hint' }).click();
    await expect(ladder.getByRole('listitem')).toHaveCount(i + 1);
  }
  await expect(page.getByRole('button', { name: /hint/ })).toHaveCount(0);
  await expect(page.getByText("That's every hint.")).toBeVisible();
});

test('keyboard: Ctrl+Enter runs, Ctrl+Shift+Enter checks, Escape then Tab leaves the editor', async ({ page }) => {
  await openExercise(page, ID);
  await setCode(page, readExerciseFile(ID, 'solution.ts'));
  await editor(page).press('ControlOrMeta+Enter');
  await expect(output(page)).toContainText('Finished', { timeout: 10_000 });
  await expect(output(page)).toHaveAttribute('aria-busy', 'false');
  await editor(page).press('ControlOrMeta+Shift+Enter');
  await expect(results(page)).toContainText('All checks passed', { timeout: 10_000 });
  await expect(page.getByRole('status').filter({ hasText: 'Check finished: All checks passed.' })).toBeAttached();

  // Tab indents inside the editor...
  await editor(page).click();
  await page.keyboard.press('Tab');
  await expect(editor(page)).toBeFocused();
  // ...and Escape, then Tab, moves on to the next control.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  await expect(editor(page)).not.toBeFocused();
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeFocused();
});

test('storage that refuses to save shows a notice, and the code stays in the editor', async ({ page }) => {
  await page.addInitScript(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException('full', 'QuotaExceededError');
    };
  });
  await openExercise(page, ID);
  await setCode(page, "export async function main(): Promise<void> {\n  console.log('kept');\n}\n");
  await expect(page.getByText("This browser's storage for the site is full")).toBeVisible();
  await press(page, 'Run');
  await expect(output(page)).toContainText('kept');
  await expect(editor(page)).toContainText("console.log('kept')");
});

test('a lesson loads no island code until its sandbox is near the viewport', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (req) => {
    if (req.resourceType() === 'script') scripts.push(new URL(req.url()).pathname);
  });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/lessons/coroutines/');
  await page.waitForLoadState('networkidle');
  expect(scripts.filter((s) => /workbench\./.test(s)), 'the editor island is not loaded up front').toEqual([]);
  const sandbox = page.getByRole('region', { name: 'Calling a coroutine starts it', exact: true });
  await openPanel(sandbox);
  expect(scripts.some((s) => /workbench\./.test(s))).toBe(true);
});

test.describe('the lesson sandboxes run their snippets', () => {
  test('eager start: "Starting" before the promise is awaited', async ({ page }) => {
    await page.goto('/lessons/coroutines/');
    const sandbox = page.getByRole('region', { name: 'Calling a coroutine starts it', exact: true });
    await openPanel(sandbox);
    // The runtime in use is named once per page, in its Runtime disclosure.
    await expect(page.locator('[data-runtime]')).toHaveText('Browser');
    await press(sandbox, 'Run', 10_000);
    const text = await output(sandbox).innerText();
    expect(text.indexOf('Starting')).toBeLessThan(text.indexOf('brewTea() returned'));
    expect(text).toContain('tea');
    await expect(sandbox.getByRole('button', { name: 'Check' })).toHaveCount(0);
  });

  test('simulated fetch from routes.json, and edits kept per sandbox', async ({ page }) => {
    await page.goto('/lessons/coroutines/');
    const sandbox = page.getByRole('region', { name: 'A request on its way while the caller carries on', exact: true });
    await openPanel(sandbox);
    await press(sandbox, 'Run', 10_000);
    await expect(output(sandbox)).toContainText('Here it is: a pot of tea');
    await expect(output(sandbox)).toContainText(/0\.8\d s/);

    await editor(sandbox).click();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.type("\nconsole.log('my line');");
    await page.waitForTimeout(600);
    await page.reload();
    const again = page.getByRole('region', { name: 'A request on its way while the caller carries on', exact: true });
    await openPanel(again);
    await expect(editor(again)).toContainText("console.log('my line');");
    const other = page.getByRole('region', { name: 'Calling a coroutine starts it', exact: true });
    await expect(other).not.toContainText('my line');
  });
});

test.describe('on a 375 px phone with touch', () => {
  test.use({ viewport: { width: 375, height: 740 }, hasTouch: true, isMobile: true });

  test('the editor takes taps and typing, and nothing scrolls sideways', async ({ page }) => {
    await openExercise(page, ID);
    await editor(page).tap();
    await expect(editor(page)).toBeFocused();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.type('\n// typed on a phone');
    await expect(editor(page)).toContainText('// typed on a phone');
    await page.getByRole('button', { name: 'Check', exact: true }).tap();
    await expect(results(page)).toContainText(/checks failed/, { timeout: 10_000 });
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({
      scrollWidth: document.scrollingElement!.scrollWidth,
      clientWidth: document.scrollingElement!.clientWidth,
    }));
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
  });
});

test('Stop ends a long run at once and says so', async ({ page }) => {
  await openExercise(page, ID);
  await setCode(page, "import { sleep } from '@course/helpers';\n\nexport async function main(): Promise<void> {\n  console.log('waiting');\n  await sleep(4000);\n  console.log('done');\n}\n");
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(output(page)).toContainText('waiting');
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(output(page)).toContainText('You stopped the run.');
  await expect(output(page)).not.toContainText('done');
  await expect(page.getByRole('button', { name: 'Stop' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeVisible();
});

test('an output flood is capped near a thousand lines, with a note saying so', async ({ page }) => {
  await openExercise(page, ID);
  await setCode(page, "export async function main(): Promise<void> {\n  for (let i = 1; i <= 5000; i++) console.log(`line ${i}`);\n}\n");
  await press(page, 'Run');
  await expect(output(page)).toContainText('line 1000');
  await expect(output(page)).not.toContainText('line 1001');
  await expect(output(page)).toContainText(/Output was cut: only the first 1,000 lines are shown \(4,000 more were dropped\)/);
});
