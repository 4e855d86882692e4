/**
 * Python in the page (issue 17): a lesson's Run Python loads Pyodide from
 * the site into the sandbox frame and prints the same lines as CPython did
 * when the build captured them ("Python prints" under the pair), on the
 * virtual clock: the gather example reports about 0.9 s, the longest of
 * its three waits, not their sum. The first load of the lesson fetches
 * nothing of Pyodide. A `while True: pass` is stopped at the budget (the
 * worker terminated) and the page stays responsive.
 *
 * Learner code reaches nothing outside (a process, a file, a socket, the
 * bridge to JavaScript): each attempt ends with the sandbox's message.
 *
 * An exercise in Python: the "Language" choice, a solution that passes,
 * a wrong answer failing with the CLI's very words, a forgery refused by
 * the sandbox, a SyntaxError marked at its line.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { checkPythonSource } from '../src/lib/python/check-python.ts';

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
  await expect(output).toContainText('The program finished after 0.90 s.');
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
  const timeline = pair.locator('details[data-timeline-panel]');
  await timeline.locator(':scope > summary').click();
  await expect(timeline).toContainText('asyncio.sleep(0.9)');

  // Learner code reaches nothing outside the sandbox: a process, a file read or written, a socket, the bridge
  // to JavaScript. Each run ends with the sandbox's message (after the line it printed first), and the page answers.
  const attempts = [
    'import os\nos.system("echo hi")',
    'print(open("/etc/passwd").read())',
    'open("notes.txt", "w").write("x")',
    'import socket\nsocket.create_connection(("example.com", 80))',
    'import js\nprint(js.document)',
  ];
  for (const [i, attempt] of attempts.entries()) {
    await replaceCode(page, editor, `print("attempt ${i}")\n${attempt}\n`);
    await pair.getByRole('button', { name: 'Run Python' }).click();
    await expect(output).toContainText(`attempt ${i}`, { timeout: 60_000 });
    await expect(output).toContainText("The course's sandbox refused");
    expect(await page.evaluate(() => 1 + 1), 'the page still runs its own script').toBe(2);
  }

  // A loop that never yields is stopped at the budget; the page answers meanwhile and after.
  await replaceCode(page, editor, 'while True:\n    pass\n');
  await pair.getByRole('button', { name: 'Run Python' }).click();
  await expect(output).toContainText('was stopped', { timeout: 60_000 });
  expect(await page.evaluate(() => 1 + 1), 'the page still runs its own script').toBe(2);

  // Stop ends it at once, with the learner's words; the next run gets a fresh Python.
  await pair.getByRole('button', { name: 'Run Python' }).click();
  await pair.getByRole('button', { name: 'Stop' }).click();
  await expect(output).toContainText('You stopped the run.', { timeout: 60_000 });
  await expect(pair.getByRole('button', { name: 'Stop' })).toBeHidden();
  await replaceCode(page, editor, 'print("after stop")\n');
  await pair.getByRole('button', { name: 'Run Python' }).click();
  await expect(output).toContainText('after stop', { timeout: 240_000 });
});

/** Replaces an editor's whole text (one insertion, so CodeMirror adds no indentation of its own). */
async function replaceCode(page: Page, editor: Locator, text: string): Promise<void> {
  await editor.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(text);
}

test('every Python program a lesson can run prints in the page what CPython printed, timings included', async ({ page }) => {
  // 37 programs on one loaded Pyodide; generous for a busy machine, and no assertion is about time.
  test.setTimeout(900_000);
  // Each lesson's runnable Python (what Run Python runs) and the lines CPython printed for it at build time.
  const programs: Array<{ where: string; source: string; printed: string[] }> = [];
  for (const lesson of readdirSync(new URL('../dist/lessons/', import.meta.url)).sort()) {
    await page.goto(`/lessons/${lesson}/`);
    const found = await page.locator('figure[data-pyts]:has([data-pyts-run-area])').evaluateAll((figures) =>
      figures.map((figure) => {
        const source = figure.querySelector<HTMLTemplateElement>('template[data-pyts-source]')?.content.textContent ?? '';
        // "Python prints": its standard output (lines sent to standard error are marked and left out here).
        const pre = figure.querySelector('.out pre')!.cloneNode(true) as HTMLElement;
        pre.querySelectorAll('.out-err, .out-none').forEach((e) => e.remove());
        return { source, printed: (pre.textContent ?? '').split('\n').map((l) => l.trimEnd()).filter((l) => l !== '') };
      }),
    );
    found.forEach((p, i) => programs.push({ where: `${lesson} #${i + 1}`, ...p }));
  }
  expect(programs.length, 'every lesson pair with Run Python').toBeGreaterThan(30);

  // One pair's editor runs them all, so Pyodide loads once.
  await page.goto(LESSON);
  const pair = page.locator('figure[data-pyts]').filter({ hasText: 'all checks' }).first();
  const button = pair.getByRole('button', { name: 'Run Python' });
  const output = pair.getByRole('region', { name: 'Output' });
  await button.click();
  await expect(output).toContainText('all checks: 0.9 s', { timeout: 240_000 });
  const editor = pair.getByRole('textbox', { name: 'Python code editor' });
  const mismatches: string[] = [];
  for (const program of programs) {
    await replaceCode(page, editor, program.source);
    await button.click();
    await expect(pair.locator('[data-pyts-status]')).not.toHaveText(/Running|Loading/, { timeout: 120_000 });
    await expect(button).not.toHaveAttribute('aria-busy', 'true');
    // Addresses differ from run to run: the build wrote CPython's as `0x…` (src/lib/snippets/outputs.ts).
    const printed = (await output.locator('.wb-log .wb-text').allTextContents()).map((l) => l.trimEnd().replace(/0x[0-9a-f]{4,}/gi, '0x…')).filter((l) => l !== '');
    if (JSON.stringify(printed) !== JSON.stringify(program.printed)) {
      mismatches.push(`${program.where}:\n  CPython: ${JSON.stringify(program.printed)}\n  page:    ${JSON.stringify(printed)}`);
    }
  }
  expect(mismatches, 'programs whose page output differs from CPython\'s').toEqual([]);
});

test('if Pyodide can\'t load, the Python panels say so once and TypeScript still runs', async ({ page }) => {
  await page.route('**/pyodide/**', (route) => route.abort());
  await page.goto(LESSON);
  const pairs = page.locator('figure[data-pyts]');
  await pairs.first().getByRole('button', { name: 'Run Python' }).click();
  await expect(pairs.first().getByRole('status')).toContainText("Python couldn't load", { timeout: 60_000 });
  // Said once: every other pair's button is disabled with the reason, not left to fail again.
  await expect(pairs.nth(1).getByRole('button', { name: 'Run Python' })).toHaveAttribute('aria-disabled', 'true');
  await expect(pairs.nth(1).locator('[data-pyts-status]')).toHaveText('');
  // TypeScript's runtime is its own: a sandbox on the same page still runs.
  const sandbox = page.locator('section.wb-sandbox').first();
  await sandbox.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(sandbox.locator('.wb-output .wb-line').first()).toBeVisible({ timeout: 60_000 });
});

// limit-concurrency: its fn is the checker's callback, described for Python (callbacks.ts) and built in the page's Pyodide.
const EXERCISE = 'limit-concurrency';
const fixture = (file: string) => readFileSync(new URL(`../content/exercises/${EXERCISE}/python/${file}`, import.meta.url), 'utf8');

test('a Python answer to an exercise: Language, Check passes the solution, a wrong answer fails with the CLI\'s words', async ({ page }) => {
  await page.goto(`/exercises/${EXERCISE}/`);
  const language = page.getByRole('radiogroup', { name: 'Language' });
  await language.getByRole('radio', { name: 'Python' }).check();
  const panel = page.locator('[data-py-exercise]');
  const editor = panel.getByRole('textbox', { name: 'Python code editor' });
  await expect(editor).toContainText('async def map_limit');
  // The Python contract where it differs from TypeScript's (a coroutine function to await), from python/task.md.
  await expect(panel.locator('.pyx-task')).toContainText('only makes a coroutine');

  await replaceCode(page, editor, fixture('solution.py'));
  await panel.getByRole('button', { name: 'Check' }).click();
  // The panel's own status line (the Output's run-status lines are statuses too).
  const status = panel.getByRole('status').and(panel.locator('[data-py-status]'));
  await expect(status).toHaveText('Passed: all checks passed.', { timeout: 240_000 });

  const wrong = fixture('wrong/gather-without-star.py');
  await replaceCode(page, editor, wrong);
  await panel.getByRole('button', { name: 'Check' }).click();
  await expect(status).not.toHaveText('Checking…', { timeout: 60_000 });
  const cli = await checkPythonSource(EXERCISE, wrong, { budgetMs: 30_000 });
  const failed = cli.verdict.checks.find((c) => !c.passed)!;
  const results = panel.getByRole('region', { name: 'Python check results' });
  // Python's own error text differs between the CLI's CPython and Pyodide's; the course's words don't.
  await expect(results).toContainText(failed.message.replace(/TypeError: [\s\S]*$/, 'TypeError'));
  await expect(results).toContainText('unpack a list with *');

  // A forgery (the recorder taken from a helper's closure, the spans written by hand) is refused in the page too.
  await replaceCode(page, editor, readFileSync(new URL('../test/fixtures/python-hostile/run-concurrently/closure-spans.py', import.meta.url), 'utf8'));
  await panel.getByRole('button', { name: 'Check' }).click();
  await expect(results).toContainText("This course's sandbox doesn't allow", { timeout: 60_000 });
  await expect(results).toContainText('cell_contents');
  await expect(status).not.toHaveText('Passed: all checks passed.');

  await replaceCode(page, editor, 'import asyncio\n\nasync def map_limit(:\n    pass\n');
  await panel.getByRole('button', { name: 'Run' }).click();
  await expect(status).toHaveText('Python could not read the code (line 3).', { timeout: 60_000 });
  await expect(panel.getByRole('region', { name: 'Python output' })).toContainText('Syntax error');
  // Marked in the editor at that line.
  await expect(panel.locator('.cm-line', { has: page.locator('.cm-lintRange-error') })).toContainText('async def map_limit(:');
});
