/**
 * Python answers to the exercises (issue 17), through the CLI's path
 * (checkPythonSource: the exercise's scenarios described for the Python
 * harness, judged by the exercise's own checks): every solution and
 * accepted answer passes, every wrong answer fails the check its header
 * names, with those words. Then Pyodide in Node (the page's engine) must
 * give the same verdict as CPython on the solution and a wrong answer of
 * each exercise.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { findPython } from '../src/lib/python/cpython.ts';
import { checkPythonSource, pythonFixtures, type PythonEngine } from '../src/lib/python/check-python.ts';
import { PYTHON_EXERCISES, snakeCase } from '../src/lib/python/exercise.ts';
import { PyodideNodeRunner } from '../src/lib/python/pyodide-node.ts';
import type { Verdict } from '../src/lib/judge/verdict.ts';

/** Generous: the machine running the tests may be busy; nothing asserts on time. */
const BUDGET_MS = 30_000;
const T = { timeout: 120_000 };
const engine: PythonEngine = findPython().ok ? 'cpython' : 'pyodide';
const pyodide = new PyodideNodeRunner({ budgetMs: BUDGET_MS });
afterAll(() => pyodide.close());

const check = (id: string, source: string, using: PythonEngine = engine) =>
  checkPythonSource(id, source, { engine: using, budgetMs: BUDGET_MS, pyodide: using === 'pyodide' ? pyodide : undefined });
const failures = (v: Verdict) => v.checks.filter((c) => !c.passed).map((c) => `${c.id}: ${c.message}`);

test('function names are the exercise\'s, in snake_case', () => {
  expect(['main', 'makeBreakfast', 'fetchAll', 'mapLimit', 'withTimeout'].map(snakeCase)).toEqual(['main', 'make_breakfast', 'fetch_all', 'map_limit', 'with_timeout']);
});

describe.each(PYTHON_EXERCISES)('%s in Python', (id) => {
  const fixtures = pythonFixtures(id);

  test.each([fixtures.solution, ...fixtures.accepted].map((f) => [f.file, f.source]))('%s passes', T, async (_file, source) => {
    const { verdict } = await check(id, source);
    expect(failures(verdict)).toEqual([]);
    expect(verdict.passed).toBe(true);
  });

  test('the starter does not pass', T, async () => {
    const { verdict } = await check(id, fixtures.starter);
    expect(verdict.passed).toBe(false);
  });

  test.each(fixtures.wrong.map((f) => [f.file, f]))('%s fails as its header says', T, async (_file, fixture) => {
    const { verdict } = await check(id, fixture.source);
    expect(verdict.passed).toBe(false);
    const named = verdict.checks.find((c) => c.id === fixture.expect!.check);
    expect(named, `the verdict has a check "${fixture.expect!.check}"`).toBeDefined();
    expect(named!.passed).toBe(false);
    expect(named!.message).toContain(fixture.expect!.phrase);
  });

  test('Pyodide (the page\'s engine) and CPython give the same verdict', { timeout: 300_000 }, async () => {
    // Under Pyodide `import js` names a real bridge to JavaScript: refused there as under CPython.
    const reachesForJs = fixtures.wrong.filter((f) => f.file.endsWith('reaches-for-js.py'));
    for (const { source } of [fixtures.solution, fixtures.wrong[0]!, ...reachesForJs]) {
      const [a, b] = await Promise.all([check(id, source, 'cpython'), check(id, source, 'pyodide')]);
      // The same checks, passed or failed alike, with the same words, except where a message quotes
      // Python's own error text, which differs between versions (CPython here, Pyodide's 3.14).
      const words = (v: Verdict) => v.checks.map((c) => [c.id, c.passed, c.message.replace(/TypeError: [^\n]*?\(line/, 'TypeError: … (line')]);
      expect(words(b.verdict)).toEqual(words(a.verdict));
    }
  });
});
