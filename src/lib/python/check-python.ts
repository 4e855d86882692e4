/**
 * Check a Python answer to an exercise, in Node: the exercise's scenarios
 * described for the Python harness (exercise.ts), each run under CPython
 * (python3, the default when it is installed) or Pyodide in a worker
 * thread, then judged by the exercise's own checks with the seed computed
 * here. The CLI (`npm run check:exercise -- <id> answer.py`) and the tests
 * use it; the page runs the same requests in its Pyodide.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Observation } from '../harness/observation.ts';
import { judge } from '../judge/judge.ts';
import type { Verdict } from '../judge/verdict.ts';
import { budgetFor } from '../exercise/meta.ts';
import { loadExercise } from '../node/exercises.ts';
import { loadSpec, seedFor } from '../node/check-file.ts';
import { findPython, observePythonCPython } from './cpython.ts';
import { PyodideNodeRunner } from './pyodide-node.ts';
import { combineObservations, exportNames, pythonCheck, pythonVerdict } from './exercise.ts';

export type PythonEngine = 'cpython' | 'pyodide';

export interface PythonCheckOptions {
  seed?: number;
  /** Default: CPython when a python3 of 3.11 or later is installed, else Pyodide. */
  engine?: PythonEngine;
  /** A Pyodide runner to reuse (loading one takes seconds); one is made (and closed) otherwise. */
  pyodide?: PyodideNodeRunner;
  /** Real-time budget per scenario (default: the exercise's Check budget). */
  budgetMs?: number;
}

export function defaultEngine(): PythonEngine {
  return findPython().ok ? 'cpython' : 'pyodide';
}

export async function checkPythonSource(id: string, source: string, options: PythonCheckOptions = {}): Promise<{ verdict: Verdict; observation: Observation; engine: PythonEngine }> {
  const exercise = loadExercise(id);
  const spec = await loadSpec(exercise);
  const seed = options.seed ?? seedFor(source);
  const engine = options.engine ?? defaultEngine();
  const budgetMs = options.budgetMs ?? budgetFor(exercise.meta, 'check');
  const plan = pythonCheck(id, spec, source, seed);
  const requests = plan.requests;
  const pyodide = engine === 'pyodide' ? (options.pyodide ?? new PyodideNodeRunner()) : undefined;
  const runs: Observation[] = [];
  try {
    for (const request of requests) {
      const run = pyodide ? await pyodide.run(request, { budgetMs, exercise: id, seed }) : await observePythonCPython(request, { budgetMs, exercise: id, seed });
      runs.push(run);
      if (run.compileError) break;
    }
  } finally {
    if (pyodide && !options.pyodide) await pyodide.close();
  }
  const observation = combineObservations(id, seed, runs, plan.labels);
  const names = { ...exportNames(spec.exports ?? {}), ...plan.names };
  return { verdict: pythonVerdict(judge(spec, observation, { seed }), names), observation, engine };
}

/** A Python fixture: content/exercises/<id>/python/{solution.py, accepted/*.py, wrong/*.py}. */
export interface PythonFixture {
  file: string;
  source: string;
  /** Wrong answers: the check that must fail and words its message must contain (`# expect: fails <check> "phrase"`). */
  expect?: { check: string; phrase: string };
}

const WRONG_HEADER = /^\s*#\s*expect:\s*fails\s+([\w-]+)\s+"([^"]+)"/m;

export function pythonFixtures(id: string): { starter: string; solution: PythonFixture; accepted: PythonFixture[]; wrong: PythonFixture[] } {
  const dir = join(loadExercise(id).dir, 'python');
  const read = (file: string) => readFileSync(join(dir, file), 'utf8');
  const list = (sub: string) => (existsSync(join(dir, sub)) ? readdirSync(join(dir, sub)).filter((f) => f.endsWith('.py')).sort().map((f) => `${sub}/${f}`) : []);
  return {
    starter: read('starter.py'),
    solution: { file: 'solution.py', source: read('solution.py') },
    accepted: list('accepted').map((file) => ({ file, source: read(file) })),
    wrong: list('wrong').map((file) => {
      const source = read(file);
      const match = WRONG_HEADER.exec(source);
      if (!match) throw new Error(`content/exercises/${id}/python/${file}: a wrong answer must start with # expect: fails <check-id> "phrase"`);
      return { file, source, expect: { check: match[1]!, phrase: match[2]! } };
    }),
  };
}
