/**
 * What one scenario run shares between its parts: the options, the clock,
 * the recorder, whether the run has stopped, and the timers it has armed.
 * The learner-facing globals (learner-globals.ts, learner-work.ts), the
 * driver (scenario-driver.ts) and the coordinator (scenario-run.ts) all work
 * on one ScenarioState.
 */
import type { LogLine, ScenarioObservation, Settled } from './observation.ts';
import type { Route } from '../exercise/spec.ts';
import type { ScenarioOptions } from './scenario-run.ts';
import { RealTimers, VirtualTimers, type TimerBackend } from './timers.ts';
import { describeThrown, inspect, whereInCode } from './format.ts';
import { learnerPosition } from './transpile.ts';
import { normaliseMs } from './time-input.ts';
import { ExitRequest, handleId, type TimerHandle } from './learner-values.ts';
import { Recorder } from './recorder.ts';
import { MAX_CLOCK_READS_AT_ONE_INSTANT } from './limits.ts';
import { hashString, mulberry32 } from './random.ts';

interface TimerRecord {
  label: string;
  spanId?: number;
  /** The clock's id of the timer now armed (a refresh() arms a new one; the learner's handle keeps its id). */
  backendId: number;
  /** Arms the timer again from now, as Node's Timeout.refresh() does (also after it fired). */
  rearm?: () => void;
  /** clearTimeout was called: refresh() no longer revives it (as in Node). */
  cleared?: boolean;
  owner: 'learner' | 'harness';
  number?: number;
  repeat: boolean;
}

export class ScenarioState {
  readonly o: ScenarioOptions;
  readonly timers: TimerBackend;
  readonly rec: Recorder;
  settled: Settled = { state: 'pending' };
  pendingAtSettle: ScenarioObservation['pendingAtSettle'] = [];
  readonly timerRecords = new Map<number, TimerRecord>();
  /** Every learner timer by its handle's id, fired or not, for refresh(). */
  readonly retained = new Map<number, TimerRecord>();
  learnerTimerNumber = 0;
  inSync = false;
  firstTimerFired = false;
  currentTimer: number | undefined;
  stopped = false;
  routes: Record<string, Route> = {};
  readonly random: () => number;
  firings = 0;
  clockReadAt = -1;
  clockReads = 0;

  constructor(options: ScenarioOptions) {
    this.o = options;
    // Run and Check share the virtual clock, so they tell one story about time (the page paces Run's output
    // in real time). Only a Run that fetches from a real local server (the Node.js runtime) needs the real clock.
    this.timers = options.realFetchBase ? new RealTimers() : new VirtualTimers();
    this.random = mulberry32(options.seed ^ hashString(options.scenario.name));
    this.rec = new Recorder({
      now: () => this.timers.now(),
      context: () => ({ phase: this.phase(), timer: this.currentTimer }),
      onLogs: options.onLogs,
      alive: options.alive,
    });
  }

  phase(): LogLine['phase'] {
    return this.inSync ? 'sync' : this.firstTimerFired ? 'timer' : 'microtask';
  }

  /** Teacher's explanations the harness attached to errors it threw itself (a missing helper import), with the learner's line. */
  readonly hints = new WeakMap<object, { hint: string; line?: number }>();

  recordThrown(kind: 'uncaught' | 'unhandled-rejection', error: unknown): void {
    if (error instanceof ExitRequest) return;
    const { name, message } = describeThrown(error);
    const known = typeof error === 'object' && error !== null ? this.hints.get(error) : undefined;
    const position = learnerPosition(error) ?? (known?.line ? { line: known.line, column: 1 } : undefined);
    const where = whereInCode(position);
    const what = kind === 'uncaught' ? 'Uncaught' : 'Unhandled promise rejection:';
    this.rec.errors.push({
      kind,
      name,
      message: `${what} ${name === 'undefined' || name === 'null' || name === 'string' || !(error instanceof Error) ? message : `${name}: ${message}`}${where}`,
      ...position,
      t: this.timers.now(),
      ...(known ? { hint: known.hint } : {}),
    });
  }

  internal(error: unknown): void {
    this.rec.errors.push({ kind: 'internal', message: `The course's harness failed: ${describeThrown(error).message}`, t: this.timers.now() });
    this.stopped = true;
  }

  settle(settled: Settled): void {
    if (this.settled.state !== 'pending') return;
    this.settled = settled;
    this.pendingAtSettle = this.openLearnerSpans();
  }

  openLearnerSpans(): ScenarioObservation['pendingAtSettle'] {
    return this.rec.spans
      .filter((s) => s.end === null && s.owner === 'learner')
      .map(({ id, label, kind }) => ({ id, label, kind }));
  }

  /** Schedules a timer through the clock, with a span unless `silent`. */
  timer(
    callback: (...args: unknown[]) => void,
    ms: unknown,
    args: unknown[],
    opts: { kind: 'timer' | 'interval' | 'immediate'; owner: 'learner' | 'harness'; label?: string; silent?: boolean },
  ): number {
    // As in Node, a timer's delay is at least 1 ms: setTimeout(f, 0) runs after setTimeout(g, 1) created before it.
    const delay = opts.kind === 'immediate' ? 0 : Math.max(1, normaliseMs(ms));
    const repeat = opts.kind === 'interval';
    const record: TimerRecord = { owner: opts.owner, repeat, label: '', backendId: 0 };
    if (opts.owner === 'learner' && !opts.silent) record.number = ++this.learnerTimerNumber;
    const label =
      opts.label ??
      (opts.kind === 'immediate' ? 'setImmediate' : `${opts.kind === 'interval' ? 'setInterval' : 'setTimeout'} ${writtenDelay(ms)}`);
    record.label = label;
    const newSpan = () =>
      opts.silent ? undefined : this.rec.startSpan(label, opts.kind, opts.owner, { ms: delay, ...(record.number ? { timer: record.number } : {}) });
    let span = newSpan();
    record.spanId = span?.id;
    if (typeof callback !== 'function') {
      throw new TypeError(`The "callback" argument must be of type function. Received ${inspect(callback, 0)}`);
    }
    const fire = () => {
      if (!repeat) {
        this.timerRecords.delete(id);
        this.rec.endSpan(span);
      }
      this.firstTimerFired = true;
      const previous = this.currentTimer;
      this.currentTimer = record.number;
      try {
        callback(...args);
      } catch (error) {
        this.recordThrown('uncaught', error);
      } finally {
        this.currentTimer = previous;
      }
    };
    const id = this.timers.schedule(fire, delay, repeat);
    record.backendId = id;
    record.rearm = () => {
      if (record.cleared) return;
      if (this.timerRecords.get(id) === record) {
        this.timers.cancel(record.backendId);
      } else {
        // It fired (or was cleared): Node reactivates it, so it is a running timer again, with a new span.
        span = newSpan();
        record.spanId = span?.id;
        this.timerRecords.set(id, record);
      }
      record.backendId = this.timers.schedule(fire, delay, repeat);
    };
    this.timerRecords.set(id, record);
    if (opts.owner === 'learner') this.retained.set(id, record);
    return id;
  }

  clear(handle: unknown): void {
    const id = handleId(handle);
    if (id === undefined) return;
    const record = this.timerRecords.get(id);
    if (!record) return;
    record.cleared = true;
    this.timerRecords.delete(id);
    this.timers.cancel(record.backendId);
    const span = record.spanId !== undefined ? this.rec.spans.find((s) => s.id === record.spanId) : undefined;
    this.rec.endSpan(span, 'cleared');
  }

  /** Used by TimerHandle.refresh(). */
  refresh(handle: TimerHandle): void {
    this.retained.get(handle.id)?.rearm?.();
  }

  /**
   * The learner reading the virtual clock. Time stands still while their code
   * runs, so a loop waiting for Date.now() to move never ends: after many
   * reads at one instant, stop it with a message that says why.
   */
  readClock(): number {
    const now = this.timers.now();
    if (now !== this.clockReadAt) {
      this.clockReadAt = now;
      this.clockReads = 0;
    } else if (++this.clockReads > MAX_CLOCK_READS_AT_ONE_INSTANT) {
      if (!this.stopped) {
        this.stopped = true;
        this.rec.errors.push({
          kind: 'budget',
          message:
            'Your code was stopped: it kept reading the clock in a loop, waiting for time to pass. ' +
            "Time doesn't pass while a loop spins — the loop blocks everything else, timers included. Wait with `await sleep(ms)` (or a setTimeout) instead.",
          t: now,
        });
      }
      throw new ExitRequest(1);
    }
    return now;
  }}

/**
 * A timer's delay as the learner wrote it (`setTimeout(f, 0)` reads "0 ms",
 * though it runs after at least 1 ms, as in Node): labels quote the code.
 */
function writtenDelay(ms: unknown): string {
  if (ms === undefined) return '(no delay)';
  const n = Number(ms);
  return Number.isFinite(n) ? `${n} ms` : `${inspect(ms, 0)} ms`;
}
