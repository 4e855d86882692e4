/**
 * Check one piece of learner code against one exercise, in Node: observe it
 * in a worker thread, then judge. Shared by the CLI and the tests, and it
 * gives the verdict the page gives.
 */
import type { CheckSpec } from '../exercise/spec.ts';
import type { Mode, Observation } from '../harness/observation.ts';
import { hashString } from '../harness/scenario-run.ts';
import { judge } from '../judge/judge.ts';
import type { Verdict } from '../judge/verdict.ts';
import { loadExercise, type ExerciseFiles } from './exercises.ts';
import { budgetFor } from '../exercise/meta.ts';
import { observe } from './observe.ts';
import { withTypesCheck } from '../judge/types-check.ts';
import { typeCheckSource } from '../typecheck/node-files.ts';

const specs = new Map<string, Promise<CheckSpec>>();

/** The check spec, loaded on this thread only to judge (its scenarios run in the worker). */
export function loadSpec(exercise: ExerciseFiles): Promise<CheckSpec> {
  let spec = specs.get(exercise.checkPath);
  if (!spec) {
    spec = import(exercise.checkPath).then((m: { default: CheckSpec }) => m.default);
    specs.set(exercise.checkPath, spec);
  }
  return spec;
}

/** Seed for Check: derived from the code, so a verdict repeats exactly for the same code. */
export function seedFor(source: string): number {
  return hashString(source);
}

export async function checkSource(
  id: string,
  source: string,
  options: { mode?: Mode; seed?: number; root?: string } = {},
): Promise<{ verdict: Verdict; observation: Observation }> {
  const exercise = loadExercise(id, options.root);
  const spec = await loadSpec(exercise);
  const seed = options.seed ?? seedFor(source);
  const observation = await observe({
    exercise: id,
    checkPath: exercise.checkPath,
    source,
    mode: options.mode ?? 'check',
    seed,
    budgetMs: budgetFor(exercise.meta, options.mode ?? 'check'),
  });
  return { verdict: verdictFor(spec, observation, source, seed), observation };
}

/**
 * The CLI's verdict on an Observation of `source`: the judge's checks, with the
 * seed computed here (never the one the Observation carries), plus the Types
 * check from the TypeScript and types the page's editor uses.
 */
export function verdictFor(spec: CheckSpec, observation: Observation, source: string, seed = seedFor(source)): Verdict {
  return withTypesCheck(judge(spec, observation, { seed }), typeCheckSource(source));
}
