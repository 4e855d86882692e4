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
import { PYTHON_EXERCISES, pythonCheck, snakeCase } from '../src/lib/python/exercise.ts';
import { PyodideNodeRunner } from '../src/lib/python/pyodide-node.ts';
import type { Verdict } from '../src/lib/judge/verdict.ts';
import { typescriptLeaks, typescriptWordsIn } from './python-words.ts';
import type { ScenarioObservation } from '../src/lib/harness/observation.ts';
import { checkSource, loadSpec } from '../src/lib/node/check-file.ts';
import { loadExercise } from '../src/lib/node/exercises.ts';
import { pythonRequestSchema } from '../src/lib/python/schema.ts';

/** Generous: the machine running the tests may be busy; nothing asserts on time. */
const BUDGET_MS = 30_000;
const T = { timeout: 120_000 };
const engine: PythonEngine = findPython().ok ? 'cpython' : 'pyodide';
const pyodide = new PyodideNodeRunner({ budgetMs: BUDGET_MS });
afterAll(() => pyodide.close());

const check = (id: string, source: string, using: PythonEngine = engine) =>
  checkPythonSource(id, source, { engine: using, budgetMs: BUDGET_MS, pyodide: using === 'pyodide' ? pyodide : undefined });
const failures = (v: Verdict) => v.checks.filter((c) => !c.passed).map((c) => `${c.id}: ${c.message}`);

test('the TypeScript word list finds TypeScript and leaves Python alone', () => {
  expect(typescriptWordsIn('Start them with Promise.all, then throw an Error.')).toHaveLength(2);
  expect(typescriptWordsIn('makeBreakfast returned undefined')).toHaveLength(2);
  expect(typescriptWordsIn('Start them with `asyncio.gather`, then raise `RuntimeError`; make_breakfast returned None.')).toEqual([]);
});

test('function names are the exercise\'s, in snake_case', () => {
  expect(['main', 'makeBreakfast', 'fetchAll', 'mapLimit', 'withTimeout'].map(snakeCase)).toEqual(['main', 'make_breakfast', 'fetch_all', 'map_limit', 'with_timeout']);
});

describe.each(PYTHON_EXERCISES)('%s in Python', (id) => {
  const fixtures = pythonFixtures(id);

  test.each([fixtures.solution, ...fixtures.accepted].map((f) => [f.file, f.source]))('%s passes', T, async (_file, source) => {
    const { verdict } = await check(id, source);
    expect(failures(verdict)).toEqual([]);
    expect(verdict.passed).toBe(true);
    expect(typescriptLeaks(verdict), 'a Python learner reads no TypeScript').toEqual([]);
  });

  test('the starter does not pass', T, async () => {
    const { verdict } = await check(id, fixtures.starter);
    expect(verdict.passed).toBe(false);
    expect(typescriptLeaks(verdict), 'a Python learner reads no TypeScript').toEqual([]);
  });

  test.each(fixtures.wrong.map((f) => [f.file, f]))('%s fails as its header says', T, async (_file, fixture) => {
    const { verdict } = await check(id, fixture.source);
    expect(verdict.passed).toBe(false);
    const named = verdict.checks.find((c) => c.id === fixture.expect!.check);
    expect(named, `the verdict has a check "${fixture.expect!.check}"`).toBeDefined();
    expect(named!.passed).toBe(false);
    expect(named!.message).toContain(fixture.expect!.phrase);
    expect(typescriptLeaks(verdict), 'a Python learner reads no TypeScript').toEqual([]);
  });

  test('Pyodide (the page\'s engine) and CPython give the same verdict', { timeout: 300_000 }, async () => {
    // Under Pyodide `import js` names a real bridge to JavaScript: refused there as under CPython.
    const reachesForJs = fixtures.wrong.filter((f) => f.file.endsWith('reaches-for-js.py'));
    // Python 3.12 rebuilt wait_for on asyncio.timeout: Pyodide's Python runs other code than an older CPython's.
    const waitFor = fixtures.accepted.filter((f) => f.source.includes('asyncio.wait_for('));
    for (const { source } of [fixtures.solution, fixtures.wrong[0]!, ...reachesForJs, ...waitFor]) {
      const [a, b] = await Promise.all([check(id, source, 'cpython'), check(id, source, 'pyodide')]);
      // The same checks, passed or failed alike, with the same words, except where a message quotes
      // Python's own error text, which differs between versions (CPython here, Pyodide's 3.14).
      const words = (v: Verdict) => v.checks.map((c) => [c.id, c.passed, c.message.replace(/TypeError: [^\n]*?\(line/, 'TypeError: … (line')]);
      expect(words(b.verdict)).toEqual(words(a.verdict));
    }
  });
});

/**
 * The checker's callbacks (limit-concurrency's fn, timeout-and-cancel's
 * work) are built in Python from check.ts's description: the Python run of
 * the Python solution must record what the TypeScript run of the TypeScript
 * solution records, under the same keys, with the same jobs on the
 * timeline, for the same seed.
 */
describe('callbacks described for Python record what the TypeScript checker records', () => {
  const SEED = 1234;
  const byName = (scenarios: ScenarioObservation[]) => new Map(scenarios.map((s) => [s.scenario, s]));
  const both = async (id: string) => {
    const ts = await checkSource(id, loadExercise(id).solution, { seed: SEED });
    const python = await checkPythonSource(id, pythonFixtures(id).solution.source, { seed: SEED, engine, budgetMs: BUDGET_MS, pyodide: engine === 'pyodide' ? pyodide : undefined });
    return { ts: byName(ts.observation.scenarios), py: byName(python.observation.scenarios) };
  };

  test('the requests carry each callback as a described, schema-valid argument', async () => {
    const id = 'limit-concurrency';
    const plan = pythonCheck(id, await loadSpec(loadExercise(id)), 'pass', SEED);
    for (const request of plan.requests) {
      const checked = pythonRequestSchema.parse(request);
      expect(checked.entry?.function).toBe('map_limit');
      expect(checked.entry?.callbacks?.map((c) => [c.at, c.callback.kind])).toEqual([[2, 'jobs']]);
    }
    const timeout = pythonCheck('timeout-and-cancel', await loadSpec(loadExercise('timeout-and-cancel')), 'pass', SEED);
    // The deadline goes to Python in seconds, as asyncio speaks.
    expect(timeout.requests.find((r) => r.scenario === 'slow')?.entry?.args).toEqual([null, 1]);
    expect(timeout.requests.map((r) => r.entry?.callbacks?.[0]?.callback.kind)).toEqual(['fast-work', 'slow-work', 'stubborn-work', 'fast-work', 'slow-work', 'stubborn-work']);
  });

  test('limit-concurrency: the same record and the same jobs, start and end', T, async () => {
    const { ts, py } = await both('limit-concurrency');
    expect([...py.keys()]).toEqual([...ts.keys()]);
    const jobs = (o: ScenarioObservation) => o.spans.filter((s) => s.label.startsWith('job ')).map((s) => [s.label, s.kind, s.start, s.end, s.detail]);
    for (const [name, t] of ts) {
      const p = py.get(name)!;
      expect(p.record, name).toEqual(t.record);
      expect(jobs(p), name).toEqual(jobs(t));
    }
  });

  test('timeout-and-cancel: the same record (the work cancelled when the TypeScript signal aborts, the same steps)', T, async () => {
    const { ts, py } = await both('timeout-and-cancel');
    // The TypeScript run goes on for a grace period after withTimeout settles, so its stubborn work
    // finishes on the timeline; asyncio.run ends the Python run when main returns. No check reads it.
    const judged = (o: ScenarioObservation) => Object.fromEntries(Object.entries(o.record).filter(([k]) => k !== 'stubbornDoneAt'));
    expect([...py.keys()]).toEqual([...ts.keys()]);
    for (const [name, t] of ts) {
      // workCalls, gotSignal, abortedAt (the cancellation's time), steps (when each step ended).
      expect(judged(py.get(name)!), name).toEqual(judged(t));
    }
  });
});
