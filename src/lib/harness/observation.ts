/**
 * The Observation: everything a run of learner code produced, as plain JSON.
 * The harness writes it (in Node, a browser worker or WebContainer) and the
 * judge reads it. Nothing in here may hold a function or a live object, so
 * that it crosses postMessage and process boundaries unchanged.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Run uses the real clock; Check uses the virtual clock. */
export type Mode = 'run' | 'check';

/**
 * When a line was printed, relative to the code that printed it:
 * `sync` while the driving call was still on the stack, `microtask` after it
 * returned but before any timer fired, `timer` once the first timer fired.
 */
type Phase = 'sync' | 'microtask' | 'timer';

export interface LogLine {
  /** Milliseconds since the scenario started (virtual under Check). */
  t: number;
  stream: 'log' | 'error' | 'warn' | 'info' | 'debug';
  text: string;
  phase: Phase;
  /** The number of the timer whose callback printed it (1 = first timer created), if any. */
  timer?: number;
  /** Position in the run's sequence of events (lines, span ends, settling): orders events that share a timestamp. */
  seq: number;
}

export type SpanKind = 'timer' | 'interval' | 'immediate' | 'fetch' | 'op' | 'cpu' | 'user';

export interface Span {
  id: number;
  label: string;
  kind: SpanKind;
  start: number;
  /** Event sequence number of the start (see LogLine.seq). */
  startSeq: number;
  /** null while still running when the observation was taken. */
  end: number | null;
  /** Event sequence number of the end (see LogLine.seq). */
  endSeq?: number;
  /** Harness-owned spans (a heartbeat, AbortSignal.timeout's timer) are never "floating". */
  owner: 'learner' | 'harness';
  /** How it ended: `ok`, `error`, `aborted` (by a signal) or `cleared` (clearTimeout). */
  outcome?: 'ok' | 'error' | 'aborted' | 'cleared';
  /** The delay asked for, for timers; the latency, for simulated work. */
  ms?: number;
  /** Free-form detail: the URL and status for fetches, an item for jobs. */
  detail?: string;
  /** Timer number (creation order among the learner's timers), for timers. */
  timer?: number;
}

export type LearnerErrorKind =
  | 'syntax' // the code did not compile
  | 'missing-export' // the module lacks an export the check needs
  | 'uncaught' // thrown and never caught (module body, timer callback)
  | 'unhandled-rejection' // a rejected promise nobody handled
  | 'budget' // ran too long in real time (infinite loop) and was stopped
  | 'virtual-limit' // kept scheduling timers past the simulated time limit
  | 'exit' // called process.exit
  | 'sandbox' // tried something the sandbox forbids (storage, DOM, network)
  | 'internal'; // the harness itself failed: not the learner's fault

/**
 * Errors after which nothing else about a scenario can be trusted: the judge
 * runs none of its checks, and the output panel does not report how main
 * ended when the run was cut short by one of them.
 */
export const FATAL_ERROR_KINDS: ReadonlySet<LearnerErrorKind> = new Set([
  'syntax',
  'missing-export',
  'budget',
  'virtual-limit',
  'exit',
  'uncaught',
  'sandbox',
  'internal',
]);

/**
 * The names `describeThrown` (harness/format.ts) gives a thrown value that is
 * not an Error: its `typeof`, or `null`. An error with one of these names is
 * told by its message alone ("true was thrown (not an Error)").
 */
export const NON_ERROR_NAMES: ReadonlySet<string> = new Set([
  'undefined',
  'null',
  'string',
  'number',
  'boolean',
  'object',
  'bigint',
  'symbol',
  'function',
]);

export interface LearnerError {
  kind: LearnerErrorKind;
  message: string;
  /** The thrown value's name (`TypeError`), or `undefined`/`string` for non-Errors. */
  name?: string;
  /** Position in the learner's own file, 1-based, when known. */
  line?: number;
  column?: number;
  /** Time it happened. */
  t?: number;
  /**
   * A teacher's explanation the harness proved from the code and the error
   * (an un-awaited promise used as a value, a name `@course/helpers` does not
   * export); `message` keeps the engine's own text.
   */
  hint?: string;
}

export type Settled =
  | { state: 'fulfilled'; at: number; seq: number; value: Json }
  | { state: 'rejected'; at: number; seq: number; error: { name: string; message: string; line?: number; column?: number; hint?: string } }
  | { state: 'pending' };

export interface ScenarioObservation {
  /** Scenario name, unique within an exercise. */
  scenario: string;
  mode: Mode;
  /** The scenario's inputs (URLs, latencies, jobs) so the judge can compute what to expect. */
  params: Json;
  logs: LogLine[];
  /** Lines that were printed but dropped by the output cap. */
  droppedLines: number;
  /** True when output was cut (too many lines, or lines too long). */
  outputTruncated: boolean;
  spans: Span[];
  errors: LearnerError[];
  /** How the learner's main promise ended, and when. */
  settled: Settled;
  /**
   * Learner-owned spans (timers, operations) still open at the moment main
   * settled; if main never settled, those open when the run stopped.
   */
  pendingAtSettle: Array<Pick<Span, 'id' | 'label' | 'kind'>>;
  /** Virtual (or real, see `clock`) time when observation stopped. */
  totalTime: number;
  /** 'real' when this scenario ran on the real clock (a Run fetching from a real server); absent: the virtual clock. */
  clock?: 'real';
  /** Values the scenario recorded for the check (peak in flight, a snapshot of an export). */
  record: Record<string, Json>;
}

export interface Observation {
  exercise: string;
  mode: Mode;
  /** Seed for generated cases and tokens; the same seed gives the same observation. */
  seed: number;
  /** A compile error stops everything before any scenario runs. */
  compileError?: LearnerError;
  scenarios: ScenarioObservation[];
}
