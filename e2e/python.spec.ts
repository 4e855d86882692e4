/**
 * Python in the page (issue 17): a lesson's Run Python loads Pyodide from
 * the site into the sandbox frame and prints the same lines as CPython did
 * when the build captured them ("Python prints" under the pair), on the
 * virtual clock: the gather example reports about 0.9 s, the longest of
 * its three waits, not their sum. The first load of the lesson fetches
 * nothing of Pyodide.
 */
import { expect, test, type Locator } from '@playwright/test';

const LESSON = '/lessons/tasks/';
// Loading Pyodide (13 MB, wasm compile) on a busy machine; no assertion is about time.
test.setTimeout(300_000);

/** The lines a <pre> shows, without trailing blanks. */
async function linesOf(pre: Locator): Promise<string[]> {
  const text = await pre.innerText();
  return text.split('\n').map((l) => l.trimEnd()).filter((l) => l !== '');
}

test('Run Python runs a pair in the page, as CPython printed it, on the virtual clock', async ({ page }) => {
  const pyodideRequests: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/pyodide/')) pyodideRequests.push(r.url());
  });
  await page.goto(LESSON);
  const pair = page.locator('figure[data-pyts]').filter({ hasText: 'all checks' }).first();
  await expect(pair.getByRole('button', { name: 'Run Python' })).toBeVisible();
  expect(pyodideRequests, 'the first load fetches nothing of Pyodide').toEqual([]);
  const captured = await linesOf(pair.locator('.out').first().locator('pre'));
  expect(captured).toContain('all checks: 0.9 s');

  await pair.getByRole('button', { name: 'Run Python' }).click();
  const output = pair.getByRole('region', { name: 'Output' });
  await expect(output).toContainText('all checks: 0.9 s', { timeout: 240_000 });
  // Each printed line with its virtual time: the same text as CPython's, in the same order.
  const printed = await output.locator('.wb-log .wb-text').allTextContents();
  expect(printed.map((l) => l.trimEnd())).toEqual(captured);
  // Printed at 0.9 s of the course's clock: the longest wait, not the sum of the three.
  await expect(output.locator('.wb-log .wb-t').last()).toHaveText('0.90 s');
  await expect(output).toContainText('Finished after 0.90 s.');
  expect(pyodideRequests.some((u) => u.endsWith('pyodide.asm.wasm')), 'Pyodide came from the site').toBe(true);

  // The Python is editable (CodeMirror's Python mode); a second run reuses the loaded Pyodide.
  const editor = pair.getByRole('textbox', { name: 'Python code editor' });
  await editor.click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('\nprint("edited")');
  const before = pyodideRequests.length;
  await pair.getByRole('button', { name: 'Run Python' }).click();
  await expect(output).toContainText('edited', { timeout: 60_000 });
  expect(pyodideRequests.length, 'a warm run downloads nothing').toBe(before);
  // Its Timeline, drawn by the same code as TypeScript's.
  await expect(pair.getByText('Timeline', { exact: true })).toBeVisible();
});
