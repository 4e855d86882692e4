/**
 * Runs a free-standing program (a lesson snippet) in a worker thread, as
 * `node main.ts` would, and returns its Observation. Used at build time (the
 * answers of predict-the-output questions, the timelines drawn in lessons)
 * and by the tests that prove every snippet runs.
 */
import type { Route } from '../exercise/spec.ts';
import type { Mode, Observation } from '../harness/observation.ts';
import { PROGRAM_ID } from '../exercise/program-spec.ts';
import { observe } from './observe.ts';
import { RUN_BUDGET_MS } from '../harness/limits.ts';

export function observeProgram(
  source: string,
  options: { routes?: Record<string, Route>; mode?: Mode; budgetMs?: number } = {},
): Promise<Observation> {
  return observe({
    exercise: PROGRAM_ID,
    checkPath: 'program',
    routes: options.routes,
    source,
    // Virtual time by default: a snippet with three 1-second sleeps takes milliseconds, and its timings are exact.
    mode: options.mode ?? 'check',
    seed: 1,
    budgetMs: options.budgetMs ?? RUN_BUDGET_MS,
  });
}
