/**
 * The trust rule for Python: nothing learner code does can change a verdict
 * except solving the exercise. Learner Python shares the interpreter with
 * the harness, so the guard (src/lib/python/harness/guard.py) stands
 * between them; these programs attack it.
 *
 * - test/fixtures/python-hostile/<exercise>/*.py: each tries to forge a pass
 *   (reach the recorder and write spans, patch the clock, print in the
 *   harness's format, leave through BaseException, reach JavaScript). Its
 *   header names what it tries and what stops it (`# stopped-by: sandbox`,
 *   `exit` or `uncaught`). None may pass, under CPython (the CLI's path) or
 *   Pyodide in Node (the page's engine).
 * - test/fixtures/python-hostile/legit/*.py: code that looks like an attack
 *   to a careless guard (`self._lock`, `super().__init__()`,
 *   `getattr(order, "status")`, `traceback.print_exc()`...) and solves the
 *   exercise: it must pass.
 * - A control: with the sandbox off, a forging program does pass, so the
 *   hostile programs are real attacks, not programs that fail anyway.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { findPython, observePythonCPython } from '../src/lib/python/cpython.ts';
import { checkPythonSource, type PythonEngine } from '../src/lib/python/check-python.ts';
import { combineObservations, exportNames, pythonCheck, pythonVerdict } from '../src/lib/python/exercise.ts';
import { PyodideNodeRunner } from '../src/lib/python/pyodide-node.ts';
import { judge } from '../src/lib/judge/judge.ts';
import { loadExercise } from '../src/lib/node/exercises.ts';
import { loadSpec, seedFor } from '../src/lib/node/check-file.ts';
import type { Verdict } from '../src/lib/judge/verdict.ts';
import type { Observation } from '../src/lib/harness/observation.ts';

const FIXTURES = fileURLToPath(new URL('./fixtures/python-hostile/', import.meta.url));
/** Generous: the machine running the tests may be busy; nothing asserts on time. */
const BUDGET_MS = 30_000;
const T = { timeout: 120_000 };
const python = findPython();
const pyodide = new PyodideNodeRunner({ budgetMs: BUDGET_MS });
afterAll(() => pyodide.close());

interface Hostile {
  exercise: string;
  file: string;
  source: string;
  tries: string;
  stoppedBy: 'sandbox' | 'exit' | 'uncaught';
}

function hostile(): Hostile[] {
  return ['first-coroutine', 'run-concurrently'].flatMap((exercise) =>
    readdirSync(join(FIXTURES, exercise))
      .filter((f) => f.endsWith('.py'))
      .sort()
      .map((file) => {
        const source = readFileSync(join(FIXTURES, exercise, file), 'utf8');
        const tries = /^# tries: (.+)$/m.exec(source)?.[1];
        const stoppedBy = /^# stopped-by: (sandbox|exit|uncaught)$/m.exec(source)?.[1] as Hostile['stoppedBy'] | undefined;
        if (!tries || !stoppedBy) throw new Error(`${exercise}/${file}: a hostile fixture starts with "# tries: …" and "# stopped-by: …"`);
        return { exercise, file, source, tries, stoppedBy };
      }),
  );
}

function legit(): Array<{ exercise: string; file: string; source: string }> {
  const dir = join(FIXTURES, 'legit');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.py'))
    .sort()
    .map((file) => {
      const source = readFileSync(join(dir, file), 'utf8');
      const exercise = /^# exercise: ([\w-]+)$/m.exec(source)?.[1];
      if (!exercise) throw new Error(`legit/${file}: starts with "# exercise: <id>"`);
      return { exercise, file, source };
    });
}

const check = (id: string, source: string, engine: PythonEngine) =>
  checkPythonSource(id, source, { engine, budgetMs: BUDGET_MS, pyodide: engine === 'pyodide' ? pyodide : undefined });
const failures = (v: Verdict) => v.checks.filter((c) => !c.passed).map((c) => `${c.id}: ${c.message}`);
const errorKinds = (o: Observation) => o.scenarios.flatMap((s) => s.errors.map((e) => e.kind));

/** What a hostile run must show: no pass, and (for the sandbox) the refusal in the "runs" check's words. */
function expectStopped(fixture: Hostile, verdict: Verdict, observation: Observation) {
  expect(verdict.passed, `${fixture.file} (${fixture.tries}) passed`).toBe(false);
  const runs = verdict.checks.find((c) => c.id === 'runs')!;
  expect(runs.passed).toBe(false);
  expect(errorKinds(observation)).toContain(fixture.stoppedBy);
  // The refusal is said in the sandbox's words (another stop may come first: a stopped clock makes the loop run away).
  const said = observation.scenarios.flatMap((s) => s.errors.filter((e) => e.kind === fixture.stoppedBy).map((e) => e.message));
  if (fixture.stoppedBy === 'sandbox') expect(said.join('\n')).toMatch(/sandbox/);
}

const engines: PythonEngine[] = python.ok ? ['cpython', 'pyodide'] : ['pyodide'];

describe.each(engines)('under %s', (engine) => {
  test.each(hostile().map((f) => [`${f.exercise}/${f.file}`, f] as const))('%s does not pass', { timeout: 180_000 }, async (_name, fixture) => {
    const { verdict, observation } = await check(fixture.exercise, fixture.source, engine);
    expectStopped(fixture, verdict, observation);
  });

  test.each(legit().map((f) => [`${f.exercise}: ${f.file}`, f] as const))('legitimate code that looks similar passes: %s', T, async (_name, fixture) => {
    const { verdict } = await check(fixture.exercise, fixture.source, engine);
    expect(failures(verdict)).toEqual([]);
    expect(verdict.passed).toBe(true);
  });
});

describe.skipIf(!python.ok)('the refusal, as a learner reads it (CPython)', () => {
  test('a static refusal names the attribute and its line, and nothing of the program ran', T, async () => {
    const source = readFileSync(join(FIXTURES, 'first-coroutine', 'function-globals.py'), 'utf8');
    const { verdict, observation } = await check('first-coroutine', source, 'cpython');
    const runs = verdict.checks.find((c) => c.id === 'runs')!;
    const line = source.split('\n').findIndex((l) => l.includes('__globals__')) + 1;
    expect(runs.message).toContain("This course's sandbox doesn't allow `__globals__`");
    expect(runs.message).toContain(`line ${line}`);
    expect(observation.scenarios.flatMap((s) => s.logs), 'not even "Starting" was printed').toEqual([]);
  });

  test('a patch found after the run names what was replaced, and the next run starts clean', T, async () => {
    const source = readFileSync(join(FIXTURES, 'run-concurrently', 'patch-through-alias.py'), 'utf8');
    const { verdict } = await check('run-concurrently', source, 'cpython');
    expect(verdict.checks.find((c) => c.id === 'runs')!.message).toContain('`asyncio.sleep`');
  });

  test('with the sandbox off, the same kind of forgery would pass: the hostile programs are real attacks', T, async () => {
    // The course's own snippets may run with `sandbox: false`; learner code never does. Here it shows what the guard prevents.
    const source = readFileSync(join(FIXTURES, 'run-concurrently', 'closure-spans.py'), 'utf8');
    const id = 'run-concurrently';
    const spec = await loadSpec(loadExercise(id));
    const seed = seedFor(source);
    const plan = pythonCheck(id, spec, source, seed);
    const runs: Observation[] = [];
    for (const request of plan.requests) runs.push(await observePythonCPython({ ...request, sandbox: false }, { budgetMs: BUDGET_MS, exercise: id, seed }));
    const verdict = pythonVerdict(judge(spec, combineObservations(id, seed, runs, plan.labels), { seed }), { ...exportNames(spec.exports ?? {}), ...plan.names });
    expect(failures(verdict)).toEqual([]);
    expect(verdict.passed).toBe(true);
    // And with the sandbox on (as always for learner code), it is refused.
    expect((await check('run-concurrently', source, 'cpython')).verdict.passed).toBe(false);
  });
});

describe.skipIf(!python.ok)('programs (CPython)', () => {
  const run = (source: string) => observePythonCPython({ source }, { budgetMs: BUDGET_MS });
  const printed = (o: Observation) => o.scenarios[0]!.logs.filter((l) => l.stream === 'log').map((l) => l.text);

  test('the course module leads to no recorder by public attributes (walked with the sandbox off)', T, async () => {
    // Every public attribute path from `course`, breadth first: the recorder (or its span list) must not be on any.
    const walk = [
      'import course, types',
      'seen, queue, found = set(), [(course, "course")], []',
      'while queue:',
      '    obj, path = queue.pop(0)',
      '    if id(obj) in seen or path.count(".") > 6: continue',
      '    seen.add(id(obj))',
      '    if type(obj).__name__ in ("Recorder", "Clock", "_Sandbox") or (isinstance(obj, list) and obj and isinstance(obj[0], dict) and "startSeq" in obj[0]):',
      '        found.append(path)',
      '    for name in dir(obj):',
      '        if name.startswith("_"): continue',
      '        try: value = getattr(obj, name)',
      '        except Exception: continue',
      '        queue.append((value, f"{path}.{name}"))',
      'print("reached:", found, "walked:", len(seen) > 20)',
    ].join('\n');
    const o = await observePythonCPython({ source: walk, sandbox: false }, { budgetMs: BUDGET_MS });
    expect(printed(o)).toEqual(['reached: [] walked: True']);
  });

  test('everyday Python the guard lets through, each line printed', T, async () => {
    const source = [
      'from __future__ import annotations',
      'import asyncio, sys, traceback, typing',
      'import asyncio as aio',
      'from collections import namedtuple',
      'from dataclasses import dataclass, field',
      'from typing import Optional',
      'from course import *',
      'Point = namedtuple("Point", "x y")',
      '@dataclass',
      'class Job:',
      '    name: str',
      '    tags: list = field(default_factory=list)',
      'class Pair(typing.NamedTuple):',
      '    a: int',
      '    b: int = 2',
      'class Failure(Exception):',
      '    def __init__(self, message: str) -> None:',
      '        Exception.__init__(self, message)',
      '        self._code = 7',
      'class Node:',
      '    def __init__(self, nxt: Optional["Node"] = None) -> None:',
      '        self._next = nxt',
      '    def __repr__(self) -> str:',
      '        return f"Node({self._next!r})"',
      'class Slotted:',
      '    __slots__ = ("_v",)',
      '    __hash__ = None',
      '    def __init__(self) -> None:',
      '        self._v = 3',
      'print(Slotted()._v, "{0.name}".format(Job("fmt")))',
            'node = Node(Node())',
      'print(Point(1, 2), Job("a"), Pair(1), node, node._next)',
      'print(getattr(node, "missing", "default"), hasattr(node, "_next"), type(node).__name__, node.__class__.__qualname__)',
      'try:',
      '    raise Failure("boom")',
      'except Failure as error:',
      '    print(type(error).__name__, error, error.__traceback__ is not None)',
      'async def main() -> None:',
      '    await aio.sleep(0.5)',
      '    print(len(asyncio.all_tasks()), asyncio.current_task().get_name(), file=sys.stderr)',
      '    print(f"{await operation()} at {asyncio.get_running_loop().time()}")',
      'if __name__ == "__main__":',
      '    asyncio.run(main())',
    ].join('\n');
    const o = await run(`${source}\n`);
    expect(o.scenarios[0]!.errors).toEqual([]);
    expect(printed(o)).toEqual([
      '3 fmt',
      "Point(x=1, y=2) Job(name='a', tags=[]) Pair(a=1, b=2) Node(Node(None)) Node(None)",
      'default True Node Node',
      'Failure boom True',
      'ok at 1.5',
    ]);
    expect(o.scenarios[0]!.logs.filter((l) => l.stream === 'error').map((l) => l.text)).toEqual(['1 Task-1']);
  });

  test('a refused import inside try/except is still a failed run (the refusal is recorded whether or not it is caught)', T, async () => {
    const o = await run('try:\n    import js\nexcept Exception:\n    pass\nprint("carried on")\n');
    expect(printed(o)).toEqual(['carried on']);
    expect(errorKinds(o)).toEqual(['sandbox']);
  });

  test.each([
    ['open("/etc/passwd").read()', 'opening files'],
    ['open("/tmp/x", "w")', 'writing files'],
    ['import os\nos.system("true")', 'os.system'],
    ['import socket\nsocket.socket()', 'sockets'],
    ['import os\nos.write(1, b"x")', 'os.write'],
    ['import asyncio\nasyncio.new_event_loop().set_exception_handler(lambda loop, context: None)', 'set_exception_handler'],
  ])('%s is refused as the sandbox', T, async (code, words) => {
    const o = await run(`${code}\n`);
    expect(errorKinds(o)).toContain('sandbox');
    expect(o.scenarios[0]!.errors.map((e) => e.message).join(' ')).toContain(words);
  });
});
