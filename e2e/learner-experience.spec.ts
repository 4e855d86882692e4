/**
 * Issue 18, the learner's side: the exercise page side by side at 1100 px
 * and wider (and one column on a phone), Focus in a lesson (Esc leaves,
 * nothing lost), progress you can see (Started, then Passed after a reload,
 * on the page and in the list; "Continue" on the home page; labels from the
 * lesson an exercise sits in), Tab that doesn't indent on the way down a
 * lesson, the phone header's menu, and 44 px controls.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { editor, openExercise, openPanel, output, press, readExerciseFile, results, setCode } from './exercise-kit.ts';

const ID = 'first-coroutine';
const LESSON = 'coroutines';
const SOLUTION = readExerciseFile(ID, 'solution.ts');

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  expect(b, 'the element is laid out').not.toBeNull();
  return b!;
}

/** Inside the window, top to bottom: seen without scrolling. */
async function expectInWindow(page: Page, locator: Locator, what: string) {
  const b = await box(locator);
  const { height, width } = page.viewportSize()!;
  expect(b.y, `${what}: top`).toBeGreaterThanOrEqual(0);
  expect(b.y + b.height, `${what}: bottom`).toBeLessThanOrEqual(height);
  expect(b.x + b.width, `${what}: right`).toBeLessThanOrEqual(width);
}

const stateOf = (page: Page, id: string) => page.locator(`[data-exercise-state="${id}"] [data-state-text]`);

test.describe('on a desktop', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('the exercise page is side by side and fits the window; progress shows as Started, then Passed after a reload', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('link', { name: 'Start with lesson 1' })).toBeVisible();
    await page.goto('/exercises/');
    await expect(stateOf(page, ID)).toHaveText('New');
    // Labelled with the lesson it sits in (Best practices), not its own meta's section (Common pitfalls).
    await expect(page.locator('[data-exercise-state="dont-block-the-loop"]')).toContainText('Best practices');

    await openExercise(page, ID);
    const task = page.locator('.wb-task');
    const run = page.getByRole('button', { name: 'Run', exact: true });
    for (const [what, el] of [['task', task], ['editor', editor(page)], ['Run', run], ['Output', output(page)], ['Check results', results(page)]] as const) {
      await expectInWindow(page, el, what);
    }
    const taskBox = await box(task);
    const editorBox = await box(editor(page));
    expect(taskBox.x + taskBox.width, 'the task is left of the editor').toBeLessThanOrEqual(editorBox.x);
    await expect(page.getByRole('link', { name: /^In the lesson: / })).toHaveAttribute('href', new RegExp(`/lessons/${LESSON}/$`));
    await expect(page.getByRole('link', { name: /^Next exercise: / })).toHaveAttribute('href', /\/exercises\/[\w-]+\/$/);

    await setCode(page, SOLUTION);
    await page.goto('/exercises/');
    await expect(stateOf(page, ID)).toHaveText('Started');

    await openExercise(page, ID);
    await press(page, 'Check');
    await expect(results(page)).toContainText('All checks passed');
    await page.reload();
    await expect(editor(page)).toBeVisible();
    await expect(results(page)).toContainText('Passed');
    await expect(results(page)).not.toContainText('Press Check to test your code');
    await page.goto('/exercises/');
    await expect(stateOf(page, ID)).toHaveText('Passed');

    await page.goto(`/lessons/${LESSON}/`);
    await page.goto('/');
    await expect(page.getByRole('link', { name: /^Continue: / })).toHaveAttribute('href', new RegExp(`/lessons/${LESSON}/$`));
    await expect(page.getByRole('link', { name: 'Start with lesson 1' })).toHaveCount(0);
  });

  test('Focus opens a lesson exercise side by side; Esc leaves with the code and output as they were', async ({ page }) => {
    await page.goto(`/lessons/${LESSON}/`);
    const panel = page.locator(`[data-exercise="${ID}"]`);
    await openPanel(panel);
    await setCode(panel, SOLUTION);
    await press(panel, 'Run');
    await expect(output(panel)).toContainText('Finished');

    await panel.getByRole('button', { name: 'Focus' }).click();
    await expect(panel.getByRole('button', { name: 'Focus' })).toHaveAttribute('aria-pressed', 'true');
    const task = panel.locator('.wb-task');
    for (const [what, el] of [['task', task], ['editor', editor(panel)], ['Output', output(panel)], ['Check results', results(panel)]] as const) {
      await expectInWindow(page, el, what);
    }
    expect((await box(task)).x + (await box(task)).width).toBeLessThanOrEqual((await box(editor(panel))).x);
    // The rest of the page is out of reach meanwhile.
    await expect(page.locator('.site-header')).toHaveJSProperty('inert', true);

    await page.keyboard.press('Escape');
    await expect(panel.getByRole('button', { name: 'Focus' })).toHaveAttribute('aria-pressed', 'false');
    await expect(panel.getByRole('button', { name: 'Focus' })).toBeFocused();
    await expect(page.locator('.site-header')).toHaveJSProperty('inert', false);
    await expect(editor(panel)).toContainText("console.log('Finished')");
    await expect(output(panel)).toContainText('Finished');
  });

  test('Tab moves through a lesson without indenting code; Enter starts editing, then Tab indents; Esc stops', async ({ page }) => {
    await page.goto(`/lessons/${LESSON}/`);
    const panel = page.locator('[data-sandbox]').first();
    await openPanel(panel);
    const code = editor(panel);
    const before = await code.textContent();
    await code.focus();
    await page.keyboard.press('Tab');
    await expect(code).not.toBeFocused();
    expect(await code.textContent()).toBe(before);

    await code.focus();
    await page.keyboard.press('Enter');
    expect(await code.textContent(), 'Enter only starts editing').toBe(before);
    await page.keyboard.press('Tab');
    await expect(code).toBeFocused();
    expect(await code.textContent()).not.toBe(before);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    await expect(code).not.toBeFocused();
  });
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 740 }, hasTouch: true, isMobile: true });

  test('one column; the header keeps the cheat sheet in its menu; every control is at least 44 px tall', async ({ page }) => {
    await openExercise(page, ID);
    const taskBox = await box(page.locator('.wb-task'));
    expect((await box(editor(page))).y, 'the editor is under the task').toBeGreaterThanOrEqual(taskBox.y + taskBox.height);

    await page.getByText('Menu', { exact: true }).click();
    await expect(page.getByRole('link', { name: 'Cheat sheet' })).toBeVisible();
    await page.getByText('Menu', { exact: true }).click();

    // The exercise page with its island up (the Runtime disclosure shown), then a lesson as it first loads.
    await expect(page.locator('[data-runtime-settings]')).toBeVisible();
    for (const path of [`/exercises/${ID}/`, `/lessons/${LESSON}/`]) {
      if (path !== `/exercises/${ID}/`) await page.goto(path);
      const small = await page
        .locator('button, select, summary, input:not([type="hidden"]), [role="button"]')
        .evaluateAll((els) =>
          els
            .filter((el) => {
              const r = el.getBoundingClientRect();
              return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
            })
            // A radio or checkbox is pressed through its label: the label is the target that must be tall enough.
            .map((el) => (el.matches('input[type="radio"], input[type="checkbox"]') ? (el.closest('label') ?? el) : el))
            .map((el) => ({ what: `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 30)}"`, height: el.getBoundingClientRect().height }))
            .filter((c) => c.height < 43.5),
        );
      expect(small, `controls under 44 px on ${path}`).toEqual([]);
    }
  });
});
