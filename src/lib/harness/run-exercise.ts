/**
 * The harness entry point, the same in every runtime: transpile the learner's
 * TypeScript, then run each scenario of the check spec under the right clock.
 * It returns an Observation and never throws for anything the learner did.
 */
import type { LogLine, Mode, Observation } from './observation.ts';
import type { CheckSpec, Scenario } from '../exercise/spec.ts';
import { compileModule, transpile } from './transpile.ts';
import { runScenario } from './scenario-run.ts';
import { real } from './real.ts';

export const DEFAULT_BUDGET_MS = 5000;
export const DEFAULT_GRACE_MS = 10_000;

export interface RunRequest {
  exercise: string;
  mode: Mode;
  seed: number;
  /** The learner's TypeScript. */
  source: string;
  spec: CheckSpec;
  /** Real-time budget for the whole run. Default 5 s. */
  budgetMs?: number;
  /** Streams output as it appears (scenario name, new lines). */
  onLogs?: (scenario: string, lines: LogLine[]) => void;
  /** Called when a scenario starts, so a host that kills the run knows where it was. */
  onScenario?: (scenario: string) => void;
  /** Run only: fetch simulated URLs from this real local server instead (WebContainer). */
  realFetchBase?: string;
}

export async function runExercise(request: RunRequest): Promise<Observation> {
  const { exercise, mode, seed, spec } = request;
  const observation: Observation = { exercise, mode, seed, scenarios: [] };
  const transpiled = transpile(request.source);
  if (!transpiled.ok) return { ...observation, compileError: transpiled.error };
  let moduleFunction: (...args: unknown[]) => Promise<void>;
  try {
    moduleFunction = compileModule(transpiled.code);
  } catch (error) {
    return { ...observation, compileError: error as Observation['compileError'] };
  }
  const budgetMs = request.budgetMs ?? DEFAULT_BUDGET_MS;
  const deadline = real.now() + budgetMs;
  let scenarios: Scenario[];
  try {
    scenarios = mode === 'check' ? spec.scenarios(seed) : [spec.run];
  } catch (error) {
    return { ...observation, compileError: { kind: 'internal', message: `The exercise's scenarios failed to build: ${String(error)}` } };
  }
  for (const scenario of scenarios) {
    request.onScenario?.(scenario.name);
    const result = await runScenario(moduleFunction, {
      scenario,
      mode,
      seed,
      exports: spec.exports,
      deadline,
      budgetMs,
      realFetchBase: mode === 'run' ? request.realFetchBase : undefined,
      // Under Run, late output (a timer nobody awaited) may print until the budget ends.
      graceMs: mode === 'check' ? (spec.graceMs ?? DEFAULT_GRACE_MS) : budgetMs,
      onLogs: request.onLogs ? (lines) => request.onLogs!(scenario.name, lines) : undefined,
    });
    observation.scenarios.push(result);
    // A runaway scenario used up the budget: the others would only be stopped too.
    if (result.errors.some((e) => e.kind === 'budget')) break;
  }
  return observation;
}
