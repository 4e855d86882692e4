/**
 * The harness entry point, the same in every runtime: transpile the learner's
 * TypeScript, then run each scenario of the check spec under the right clock.
 * It returns an Observation and never throws for anything the learner did.
 */
import type { LogLine, Mode, Observation } from './observation.ts';
import type { CheckSpec, Scenario } from '../exercise/spec.ts';
import { compileModule, transpile, type CompiledModule } from './transpile.ts';
import { runScenario } from './scenario-run.ts';
import { budgetStopwatch } from './real.ts';
import { RUN_BUDGET_MS } from './limits.ts';
import { explainTypeError, namedImports, parseLearnerCode } from './crash-cause.ts';
import type { ScenarioObservation } from './observation.ts';

const DEFAULT_GRACE_MS = 10_000;

/** One run of the harness, inside a runtime (not to be confused with the page's RunnerRequest). */
export interface HarnessRun {
  exercise: string;
  mode: Mode;
  seed: number;
  /** The learner's TypeScript. */
  source: string;
  spec: CheckSpec;
  /** Real-time budget for the whole run, as messages name it. Default 5 s. */
  budgetMs?: number;
  /** Time actually allowed (a host's retry gives more than the budget). Default: budgetMs. */
  deadlineMs?: number;
  /** Called right before learner code first runs: a host starts its budget timer here, not at launch. */
  onStart?: () => void;
  /** Called now and then while the event loop still turns, with the time used against the deadline. */
  onAlive?: (usedMs: number) => void;
  /** Streams output as it appears (scenario name, new lines). */
  onLogs?: (scenario: string, lines: LogLine[]) => void;
  /** Called when a scenario starts, so a host that kills the run knows where it was. */
  onScenario?: (scenario: string) => void;
  /** Run only: fetch simulated URLs from this real local server instead (WebContainer). */
  realFetchBase?: string;
}

export async function runExercise(request: HarnessRun): Promise<Observation> {
  const { exercise, mode, seed, spec } = request;
  const observation: Observation = { exercise, mode, seed, scenarios: [] };
  const transpiled = transpile(request.source);
  if (!transpiled.ok) return { ...observation, compileError: transpiled.error };
  let compiled: CompiledModule;
  try {
    compiled = compileModule(transpiled.code);
  } catch (error) {
    return { ...observation, compileError: error as Observation['compileError'] };
  }
  const budgetMs = request.budgetMs ?? RUN_BUDGET_MS;
  const deadlineMs = request.deadlineMs ?? budgetMs;
  let scenarios: Scenario[];
  try {
    scenarios = mode === 'check' ? spec.scenarios(seed) : [spec.run];
  } catch (error) {
    return { ...observation, compileError: { kind: 'internal', message: `The exercise's scenarios failed to build: ${String(error)}` } };
  }
  const tree = parseLearnerCode(request.source);
  const helperImports = tree ? namedImports(tree, '@course/helpers') : [];
  request.onStart?.();
  const elapsed = budgetStopwatch(mode);
  const overDeadline = () => elapsed() > deadlineMs;
  for (const scenario of scenarios) {
    request.onScenario?.(scenario.name);
    const result = await runScenario(compiled, {
      scenario,
      mode,
      seed,
      exports: spec.exports,
      overDeadline,
      alive: request.onAlive ? () => request.onAlive!(elapsed()) : undefined,
      budgetMs,
      realFetchBase: mode === 'run' ? request.realFetchBase : undefined,
      // Under Run, late output (a timer nobody awaited) may print until the budget ends.
      graceMs: mode === 'check' ? (spec.graceMs ?? DEFAULT_GRACE_MS) : budgetMs,
      onLogs: request.onLogs ? (lines) => request.onLogs!(scenario.name, lines) : undefined,
      helperImports,
    });
    explainCrashes(result, tree);
    observation.scenarios.push(result);
    // A runaway scenario used up the budget: the others would only be stopped too.
    if (result.errors.some((e) => e.kind === 'budget')) break;
  }
  return observation;
}

/** Adds a teacher's explanation to each TypeError the code proves the cause of (crash-cause.ts); the engine's text stays. */
function explainCrashes(result: ScenarioObservation, tree: ReturnType<typeof parseLearnerCode>): void {
  for (const error of result.errors) {
    if (error.hint || (error.kind !== 'uncaught' && error.kind !== 'unhandled-rejection')) continue;
    const hint = explainTypeError(tree, error);
    if (hint) error.hint = hint;
  }
  if (result.settled.state === 'rejected' && !result.settled.error.hint) {
    const hint = explainTypeError(tree, result.settled.error);
    if (hint) result.settled.error.hint = hint;
  }
}
