/**
 * A Python learner reads Python. The exercises' checks are written once, in
 * TypeScript's words, and `inPythonWords` (src/lib/python/exercise.ts)
 * rewrites the phrases where the language matters. When a check's message
 * is reworded, a phrase can stop matching and TypeScript leaks through to a
 * Python learner; this test finds that. It runs every Python fixture (the
 * starter, the solution, accepted and wrong answers) through the CLI's path
 * and looks for TypeScript-only words in every check's title and message.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { findPython } from '../src/lib/python/cpython.ts';
import { checkPythonSource, pythonFixtures, type PythonEngine } from '../src/lib/python/check-python.ts';
import { PYTHON_EXERCISES } from '../src/lib/python/exercise.ts';
import { PyodideNodeRunner } from '../src/lib/python/pyodide-node.ts';

/** Words that only make sense in TypeScript (or JavaScript), each with why it is wrong in Python. */
const TYPESCRIPT_ONLY: Array<[RegExp, string]> = [
  [/\bPromise\b|\bpromises?\b/i, 'Python has coroutines, tasks and futures, not promises'],
  [/\.then\(|\.catch\(|\.finally\(/, 'promise methods'],
  // "Thrown away" is English, not JavaScript.
  [/\bthrow(s|n)?\b(?! away)/, 'Python raises'],
  [/\bundefined\b|\bnull\b/, 'Python has None'],
  [/=>/, 'an arrow function'],
  [/\bconst\b/, 'a TypeScript declaration'],
  [/\bexport(ed|s)?\b/i, 'a Python answer defines a function; nothing is exported'],
  [/\basync function\b/, 'Python writes `async def`'],
  [/\bfetch\(|`fetch`|response\.ok\b/, 'the browser\'s fetch'],
  [/\bAbort(Signal|Controller)\b|\bsignal\b|\.abort\(/, 'Python cancels a task; it has no abort signal'],
  [/\b(set|clear)(Timeout|Interval)\b/, 'JavaScript timers'],
  [/\bforEach\b|\.map\(/, 'array methods'],
  [/@course\/helpers/, 'Python imports from `course`'],
  [/\b(makeBreakfast|fetchAll|mapLimit|withTimeout|brewCoffee|toastBread|fryEggs|blockFor)\b/, 'a camelCase name; Python\'s is snake_case'],
  [/\bCannot read properties\b|\bis not a function\b|\bReferenceError\b/, 'a JavaScript engine\'s error'],
];

const BUDGET_MS = 30_000;
const engine: PythonEngine = findPython().ok ? 'cpython' : 'pyodide';
const pyodide = engine === 'pyodide' ? new PyodideNodeRunner({ budgetMs: BUDGET_MS }) : undefined;
afterAll(() => pyodide?.close());

/** The TypeScript-only words in a text, each with its reason. */
function typescriptWordsIn(text: string): string[] {
  return TYPESCRIPT_ONLY.flatMap(([pattern, why]) => {
    const found = text.match(pattern);
    return found ? [`"${found[0]}" (${why})`] : [];
  });
}

test('the word list finds TypeScript and leaves Python alone', () => {
  expect(typescriptWordsIn('Start them with Promise.all, then throw an Error.')).toHaveLength(2);
  expect(typescriptWordsIn('makeBreakfast returned undefined')).toHaveLength(2);
  expect(typescriptWordsIn('Start them with `asyncio.gather`, then raise `RuntimeError`; make_breakfast returned None.')).toEqual([]);
});

describe.each(PYTHON_EXERCISES)('%s: a Python learner reads no TypeScript', (id) => {
  const fixtures = pythonFixtures(id);
  const all = [
    { file: 'starter.py', source: fixtures.starter },
    fixtures.solution,
    ...fixtures.accepted,
    ...fixtures.wrong,
  ];
  test.each(all.map((f) => [f.file, f.source]))('%s', { timeout: 120_000 }, async (_file, source) => {
    const { verdict } = await checkPythonSource(id, source, { engine, budgetMs: BUDGET_MS, pyodide });
    const leaks = verdict.checks.flatMap((c) =>
      [c.title, c.message, ...(c.skippedBecause ? [c.skippedBecause] : [])].flatMap((text) => typescriptWordsIn(text).map((w) => `${c.id}: ${w} in "${text}"`)),
    );
    expect(leaks).toEqual([]);
  });
});
