/**
 * The compiled shape of an exercise's checks, which the harness runs and the
 * judge applies. Authors don't write it by hand: `defineExercise`
 * (define-exercise.ts) compiles a `check.ts` to it.
 *
 * A check spec has two halves that live in one file on purpose:
 * - `scenarios` run inside the sandbox, next to the learner's code: they build
 *   the `@course/helpers` module and call the learner's exports;
 * - `checks` run in the judge, as pure functions of the Observation. They never
 *   see learner code, so learner code can't change a verdict.
 */
import type { Json, Mode, ScenarioObservation, Observation, SpanKind } from '../harness/observation.ts';

/** A simulated HTTP endpoint for the harness's `fetch`. */
export interface Route {
  status: number;
  body: string;
  /** Milliseconds before the response arrives. */
  latency: number;
  statusText?: string;
  contentType?: string;
}

export interface SpanHandle {
  readonly id: number;
  end(outcome?: 'ok' | 'error' | 'aborted'): void;
}

/** What a scenario may use to build helpers and drive the learner's code. */
export interface HarnessApi {
  readonly mode: Mode;
  /** Current time in ms since the scenario began (virtual under Check). */
  now(): number;
  /** The non-blocking wait learners know as `sleep`: a learner-owned timer; on abort it rejects with an AbortError whose `cause` is `signal.reason` (as Node's timers/promises). */
  sleep(ms: number, signal?: AbortSignal, label?: string): Promise<void>;
  /**
   * A simulated operation shown on the timeline as `label`: after `ms` it calls
   * `settle` and resolves with its result (or rejects with what it throws).
   * Aborting `signal` rejects at once with `signal.reason`.
   */
  operation<T>(label: string, ms: number, settle: () => T, opts?: { signal?: AbortSignal; detail?: string }): Promise<T>;
  /** Stand-in for CPU work: holds the thread and moves the clock on by `ms`. Timers due meanwhile fire late. */
  blockFor(ms: number): void;
  /** A manual span on the timeline. */
  span(label: string, kind?: SpanKind, detail?: string): SpanHandle;
  /** Keeps a value for the judge (`observation.record[key]`). Must be JSON. */
  record(key: string, value: Json): void;
  /** A harness-owned timer (a heartbeat): never counted as the learner's floating work. */
  harnessTimeout(fn: () => void, ms: number, label: string): void;
  /** Seeded random number in [0, 1): the same seed gives the same scenario. */
  random(): number;
  /** A short seeded token, for values a hard-coded answer can't guess. */
  token(): string;
  /** Sets the simulated endpoints the global `fetch` answers. */
  routes(routes: Record<string, Route>): void;
  /** Prints to the learner's output as the harness (e.g. a heartbeat notice). */
  log(text: string): void;
}

export interface Scenario {
  /** Unique within the exercise; checks refer to it. */
  name: string;
  /** Inputs shown to the judge (URLs, latencies, jobs). */
  params?: Json;
  /** Builds the `@course/helpers` module for this scenario. */
  helpers?: (h: HarnessApi) => Record<string, unknown>;
  /**
   * Calls the learner's exports (`helpers` is what `helpers(h)` built, to
   * pass its very objects in). Whatever it returns is "main": the scenario
   * ends when that settles (plus a grace period for late output).
   */
  drive: (exports: Record<string, unknown>, h: HarnessApi, helpers: Record<string, unknown>) => unknown;
}

export type CheckOutcome =
  | { passed: true; message?: string }
  | {
      passed: false;
      message: string;
      expected?: Json;
      actual?: Json;
      /** Not run because the check with this id stopped it (see CheckResult.skippedBecause). */
      skippedBecause?: string;
      /** The raw text behind the message, shown one click away. */
      detail?: string;
    };

interface CheckContext {
  /** The observation of one named scenario (throws if absent: the judge turns that into a failure). */
  scenario(name: string): ScenarioObservation;
  readonly observation: Observation;
  /**
   * The seed the trusted caller computed (not `observation.seed`): checks
   * rebuild their cases, expected values included, from it.
   */
  readonly seed: number;
}

export interface Check {
  /** Stable id, used by wrong-answer fixtures and tests. */
  id: string;
  /** A short statement of what passing means, written for a learner. */
  title: string;
  /** Scenarios this check reads; if any of them did not run to the end, the check fails with that reason. */
  scenarios: string[];
  verify(ctx: CheckContext): CheckOutcome;
}

/** What the learner's module must export, and what kind of value. */
export type ExportKind = 'function' | 'array' | 'any';

export interface CheckSpec {
  exports: Record<string, ExportKind>;
  /** What Check runs, in order. May depend on the seed (generated cases). */
  scenarios: (seed: number) => Scenario[];
  /** What Run runs: one scenario, under the real clock. */
  run: Scenario;
  checks: Check[];
  /** Simulated time allowed after main settles, for late output. Default 10 000 ms. */
  graceMs?: number;
  /**
   * The export must never reject in any case: an error escaping it fails
   * "Your code runs to the end". Always so for `main`; exercises whose export
   * may rightly reject (fetchAll on a 404, withTimeout) leave it unset.
   */
  mustFulfil?: boolean;
}
