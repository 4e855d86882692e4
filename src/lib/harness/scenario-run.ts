/**
 * Runs learner code for one scenario and records what happened.
 *
 * For the length of a scenario the global timers, Date, performance.now,
 * AbortSignal.timeout, fetch and console are the harness's own, wired to the
 * scenario's clock and recorders. Promise jobs, queueMicrotask and
 * process.nextTick stay native, so promise order is the real engine's.
 */
import type { LogLine, Mode, ScenarioObservation, Settled, SpanKind } from './observation.ts';
import type { HarnessApi, Route, Scenario, SpanHandle, ExportKind } from '../exercise/spec.ts';
import { RealTimers, VirtualTimers, type TimerBackend } from './timers.ts';
import { real, realSleep, realTurn } from './real.ts';
import { describeThrown, formatArgs, inspect, whereInCode } from './format.ts';
import { learnerPosition, type CompiledModule } from './transpile.ts';
import { createTimersPromises } from './timers-promises.ts';
import { abortError, normaliseMs } from './time-input.ts';
import { budgetMessage } from './stopped.ts';
import { ExitRequest, TimerHandle, handleId, makeResponse, summariseLabels, toJson } from './learner-values.ts';
import { createConsole } from './learner-console.ts';
import { virtualDate } from './virtual-date.ts';
import { Recorder } from './recorder.ts';
import { MAX_CLOCK_READS_AT_ONE_INSTANT, MAX_LOG_LINES, MAX_TIMER_FIRINGS, VIRTUAL_EPOCH, VIRTUAL_LIMIT_MS } from './limits.ts';
import { hashString, mulberry32 } from './random.ts';

export { hashString, mulberry32 };
export { toJson };

export * from './limits.ts';

export interface ScenarioOptions {
  scenario: Scenario;
  mode: Mode;
  seed: number;
  exports: Record<string, ExportKind>;
  /** True once the run has used its time (CPU time under Check where the runtime measures it). */
  overDeadline: () => boolean;
  /** Tells the host the event loop still turns (called at most every 200 ms of real time). */
  alive?: () => void;
  budgetMs: number;
  /** Simulated ms allowed after main settles, for late output. */
  graceMs: number;
  /** Under Run in Node.js: send simulated URLs to this real local server (e.g. http://localhost:3111). */
  realFetchBase?: string;
  /** Called with output as it appears, so a killed run still shows its lines. */
  onLogs?: (lines: LogLine[]) => void;
}



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

export async function runScenario(module: CompiledModule, options: ScenarioOptions): Promise<ScenarioObservation> {
  const run = new ScenarioRun(options, module.globals);
  return run.execute(module.run);
}

class ScenarioRun {
  readonly #o: ScenarioOptions;
  readonly #timers: TimerBackend;
  readonly #rec: Recorder;
  #settled: Settled = { state: 'pending' };
  #pendingAtSettle: ScenarioObservation['pendingAtSettle'] = [];
  readonly #timerRecords = new Map<number, TimerRecord>();
  /** Every learner timer by its handle's id, fired or not, for refresh(). */
  readonly #retained = new Map<number, TimerRecord>();
  #learnerTimerNumber = 0;
  #inSync = false;
  #firstTimerFired = false;
  #currentTimer: number | undefined;
  #stopped = false;
  #routes: Record<string, Route> = {};
  #random: () => number;
  #firings = 0;
  #clockReadAt = -1;
  #clockReads = 0;
  readonly #restore: Array<() => void> = [];

  /** The global object learner code sees (its compartment's, once the realm is hardened). */
  readonly #learnerGlobals: Record<string, unknown>;

  constructor(options: ScenarioOptions, learnerGlobals: Record<string, unknown>) {
    this.#o = options;
    this.#learnerGlobals = learnerGlobals;
    this.#timers = options.mode === 'check' ? new VirtualTimers() : new RealTimers();
    this.#random = mulberry32(options.seed ^ hashString(options.scenario.name));
    this.#rec = new Recorder({
      now: () => this.#timers.now(),
      context: () => ({ phase: this.#phase(), timer: this.#currentTimer }),
      onLogs: options.onLogs,
      alive: options.alive,
    });
  }

  async execute(moduleFunction: CompiledModule['run']): Promise<ScenarioObservation> {
    this.#installGlobals();
    try {
      const api = this.#api();
      let helpers: Record<string, unknown> = {};
      try {
        helpers = this.#o.scenario.helpers?.(api) ?? {};
      } catch (error) {
        this.#internal(error);
      }
      const module = { exports: {} as Record<string, unknown> };
      const require = this.#makeRequire(helpers);
      let moduleFailed = false;
      let modulePromise: Promise<void>;
      this.#inSync = true;
      try {
        modulePromise = moduleFunction.call(undefined, module.exports, require, module);
      } catch (error) {
        modulePromise = real.Promise.reject(error);
      } finally {
        this.#inSync = false;
      }
      const main = modulePromise.then(
        () => {
          const exports = module.exports;
          const missing = this.#missingExport(exports);
          if (missing) {
            this.#rec.errors.push({ kind: 'missing-export', message: missing, t: this.#timers.now() });
            this.#stopped = true;
            return undefined;
          }
          this.#inSync = true;
          try {
            return this.#o.scenario.drive(exports, api, helpers);
          } finally {
            this.#inSync = false;
          }
        },
        (error: unknown) => {
          moduleFailed = true;
          this.#recordThrown('uncaught', error);
          throw error;
        },
      );
      main.then(
        (value) => this.#settle({ state: 'fulfilled', at: this.#timers.now(), seq: ++this.#rec.seq, value: toJson(value) }),
        (error: unknown) => {
          if (moduleFailed || this.#stopped) return;
          if (error instanceof ExitRequest) return;
          const { name, message } = describeThrown(error);
          const position = learnerPosition(error);
          this.#settle({ state: 'rejected', at: this.#timers.now(), seq: ++this.#rec.seq, error: { name, message, ...position } });
        },
      );
      await (this.#timers.virtual ? this.#driveVirtual() : this.#driveReal());
      if (this.#settled.state === 'pending') this.#pendingAtSettle = this.#openLearnerSpans();
    } finally {
      this.#restoreGlobals();
      if (this.#timers instanceof RealTimers) this.#timers.dispose();
    }
    this.#rec.flush(true);
    return {
      scenario: this.#o.scenario.name,
      mode: this.#o.mode,
      params: this.#o.scenario.params ?? null,
      logs: this.#rec.logs,
      droppedLines: this.#rec.dropped,
      outputTruncated: this.#rec.truncated,
      spans: this.#rec.spans,
      errors: this.#rec.errors,
      settled: this.#settled,
      pendingAtSettle: this.#pendingAtSettle,
      totalTime: this.#timers.now(),
      record: this.#rec.record,
    };
  }

  // ── drivers ────────────────────────────────────────────────────────────

  /** Check: fire virtual timers one at a time, with a real event-loop turn before each. */
  async #driveVirtual(): Promise<void> {
    const timers = this.#timers as VirtualTimers;
    for (;;) {
      await realTurn();
      this.#rec.flush(false);
      if (this.#stopped) return;
      if (this.#o.overDeadline()) return this.#overBudget();
      const next = timers.clock.nextDue();
      if (next === undefined) return;
      if (this.#settled.state !== 'pending') {
        if (next > this.#settled.at + this.#o.graceMs) return;
      } else if (next > VIRTUAL_LIMIT_MS) {
        return this.#virtualLimit(`main had not finished after ${VIRTUAL_LIMIT_MS / 1000} s of simulated time`);
      }
      if (++this.#firings > MAX_TIMER_FIRINGS) {
        return this.#virtualLimit(`your code fired more than ${MAX_TIMER_FIRINGS.toLocaleString('en')} timers without finishing`);
      }
      timers.clock.fireNext();
    }
  }

  /** Run: real timers fire themselves; poll until main settles and its timers are done. */
  async #driveReal(): Promise<void> {
    let idleSince: number | undefined;
    for (;;) {
      await realSleep(5);
      this.#rec.flush(false);
      if (this.#stopped) return;
      if (this.#o.overDeadline()) return this.#overBudget();
      const settled = this.#settled.state !== 'pending';
      const queued = this.#timers.size;
      if (settled && (queued === 0 || this.#timers.now() > (this.#settled as { at: number }).at + this.#o.graceMs)) return;
      if (!settled && queued === 0) {
        // Nothing can wake main up any more; give stray promise jobs a moment, then stop.
        idleSince ??= real.now();
        if (real.now() - idleSince > 50) return;
      } else {
        idleSince = undefined;
      }
    }
  }

  #overBudget(): void {
    this.#stopped = true;
    this.#rec.errors.push({ kind: 'budget', message: budgetMessage(this.#o.budgetMs), t: this.#timers.now() });
  }

  #virtualLimit(message: string): void {
    this.#stopped = true;
    // Past the span cap, timers have no span: list them from the timer records too.
    const pending = [
      ...this.#openLearnerSpans().map((s) => s.label),
      ...[...this.#timerRecords.values()].filter((r) => r.owner === 'learner' && r.spanId === undefined && r.number !== undefined).map((r) => r.label),
    ];
    this.#rec.errors.push({
      kind: 'virtual-limit',
      message: `${message}${pending.length ? `; still running: ${summariseLabels(pending)}` : ''}. Is a timer or an interval never cleared?`,
      t: this.#timers.now(),
    });
  }

  #settle(settled: Settled): void {
    if (this.#settled.state !== 'pending') return;
    this.#settled = settled;
    this.#pendingAtSettle = this.#openLearnerSpans();
  }

  #openLearnerSpans(): ScenarioObservation['pendingAtSettle'] {
    return this.#rec.spans
      .filter((s) => s.end === null && s.owner === 'learner')
      .map(({ id, label, kind }) => ({ id, label, kind }));
  }

  // ── recording ──────────────────────────────────────────────────────────

  #phase(): LogLine['phase'] {
    return this.#inSync ? 'sync' : this.#firstTimerFired ? 'timer' : 'microtask';
  }

  #recordThrown(kind: 'uncaught' | 'unhandled-rejection', error: unknown): void {
    if (error instanceof ExitRequest) return;
    const { name, message } = describeThrown(error);
    const position = learnerPosition(error);
    const where = whereInCode(position);
    const what = kind === 'uncaught' ? 'Uncaught' : 'Unhandled promise rejection:';
    this.#rec.errors.push({
      kind,
      name,
      message: `${what} ${name === 'undefined' || name === 'null' || name === 'string' || !(error instanceof Error) ? message : `${name}: ${message}`}${where}`,
      ...position,
      t: this.#timers.now(),
    });
  }

  #internal(error: unknown): void {
    this.#rec.errors.push({ kind: 'internal', message: `The course's harness failed: ${describeThrown(error).message}`, t: this.#timers.now() });
    this.#stopped = true;
  }

  #missingExport(exports: Record<string, unknown>): string | undefined {
    for (const [name, kind] of Object.entries(this.#o.exports)) {
      const value = exports[name];
      if (value === undefined) {
        return `Your code doesn't export \`${name}\`. Add \`export\` in front of its declaration, e.g. \`export ${kind === 'function' ? `async function ${name}` : `const ${name}`}\`.`;
      }
      if (kind === 'function' && typeof value !== 'function') return `\`${name}\` must be a function, but your code exports ${inspect(value, 0)}.`;
      if (kind === 'array' && !Array.isArray(value)) return `\`${name}\` must be an array, but your code exports ${inspect(value, 0)}.`;
    }
    return undefined;
  }

  // ── timers ─────────────────────────────────────────────────────────────

  /** Schedules a timer through the clock, with a span unless `silent`. */
  #timer(
    callback: (...args: unknown[]) => void,
    ms: unknown,
    args: unknown[],
    opts: { kind: 'timer' | 'interval' | 'immediate'; owner: 'learner' | 'harness'; label?: string; silent?: boolean },
  ): number {
    // As in Node, a timer's delay is at least 1 ms: setTimeout(f, 0) runs after setTimeout(g, 1) created before it.
    const delay = opts.kind === 'immediate' ? 0 : Math.max(1, normaliseMs(ms));
    const repeat = opts.kind === 'interval';
    const record: TimerRecord = { owner: opts.owner, repeat, label: '', backendId: 0 };
    if (opts.owner === 'learner' && !opts.silent) record.number = ++this.#learnerTimerNumber;
    const label =
      opts.label ??
      (opts.kind === 'immediate' ? 'setImmediate' : `${opts.kind === 'interval' ? 'setInterval' : 'setTimeout'} ${delay} ms`);
    record.label = label;
    const newSpan = () =>
      opts.silent ? undefined : this.#rec.startSpan(label, opts.kind, opts.owner, { ms: delay, ...(record.number ? { timer: record.number } : {}) });
    let span = newSpan();
    record.spanId = span?.id;
    if (typeof callback !== 'function') {
      throw new TypeError(`The "callback" argument must be of type function. Received ${inspect(callback, 0)}`);
    }
    const fire = () => {
      if (!repeat) {
        this.#timerRecords.delete(id);
        this.#rec.endSpan(span);
      }
      this.#firstTimerFired = true;
      const previous = this.#currentTimer;
      this.#currentTimer = record.number;
      try {
        callback(...args);
      } catch (error) {
        this.#recordThrown('uncaught', error);
      } finally {
        this.#currentTimer = previous;
      }
    };
    const id = this.#timers.schedule(fire, delay, repeat);
    record.backendId = id;
    record.rearm = () => {
      if (record.cleared) return;
      if (this.#timerRecords.get(id) === record) {
        this.#timers.cancel(record.backendId);
      } else {
        // It fired (or was cleared): Node reactivates it, so it is a running timer again, with a new span.
        span = newSpan();
        record.spanId = span?.id;
        this.#timerRecords.set(id, record);
      }
      record.backendId = this.#timers.schedule(fire, delay, repeat);
    };
    this.#timerRecords.set(id, record);
    if (opts.owner === 'learner') this.#retained.set(id, record);
    return id;
  }

  #clear(handle: unknown): void {
    const id = handleId(handle);
    if (id === undefined) return;
    const record = this.#timerRecords.get(id);
    if (!record) return;
    record.cleared = true;
    this.#timerRecords.delete(id);
    this.#timers.cancel(record.backendId);
    const span = record.spanId !== undefined ? this.#rec.spans.find((s) => s.id === record.spanId) : undefined;
    this.#rec.endSpan(span, 'cleared');
  }

  // ── what learner code sees ─────────────────────────────────────────────

  #installGlobals(): void {
    const g = this.#learnerGlobals;
    const set = (target: Record<string, unknown>, key: string, value: unknown) => {
      const had = Object.prototype.hasOwnProperty.call(target, key);
      const before = Object.getOwnPropertyDescriptor(target, key);
      Object.defineProperty(target, key, { value, writable: true, configurable: true, enumerable: before?.enumerable ?? false });
      this.#restore.push(() => {
        if (had && before) Object.defineProperty(target, key, before);
        else delete target[key];
      });
    };
    const timerApi = this.#timerApi();
    for (const [key, value] of Object.entries(timerApi)) set(g, key, value);
    set(g, 'console', this.#console());
    set(g, 'fetch', this.#fetch());
    if (this.#timers.virtual) {
      set(g, 'Date', this.#virtualDate());
      set(g, 'performance', { now: () => this.#readClock(), timeOrigin: VIRTUAL_EPOCH, mark() {}, measure() {} });
    }
    if (typeof AbortSignal !== 'undefined') {
      set(AbortSignal as unknown as Record<string, unknown>, 'timeout', (ms: number) => this.#abortTimeout(ms));
    }
    this.#installProcess(set);
    this.#installClose(set);
    this.#installErrorListeners();
  }

  #restoreGlobals(): void {
    while (this.#restore.length) this.#restore.pop()!();
  }

  #installProcess(set: (target: Record<string, unknown>, key: string, value: unknown) => void): void {
    const g = this.#learnerGlobals;
    const exit = (code?: unknown) => {
      const status = code === undefined ? 0 : Number(code);
      this.#rec.errors.push({
        kind: 'exit',
        message: `Your code called process.exit(${code === undefined ? '' : inspect(code, 0)}), which ends the whole program at once: nothing after it ran. Let main finish (or throw an error) instead.`,
        t: this.#timers.now(),
      });
      this.#stopped = true;
      throw new ExitRequest(status);
    };
    // An own property only: a compartment's global answers other names with a ReferenceError.
    const processObject = (Object.prototype.hasOwnProperty.call(g, 'process') ? g.process : undefined) as Record<string, unknown> | undefined;
    const hostProcess = (globalThis as { process?: { nextTick?: (fn: () => void) => void; platform?: string } }).process;
    const hostNextTick = typeof hostProcess?.nextTick === 'function' ? hostProcess.nextTick.bind(hostProcess) : undefined;
    if (processObject && typeof processObject.on === 'function') {
      set(processObject, 'exit', exit);
    } else {
      // A compartment (or a browser worker) has no `process`: give learners the parts course code uses.
      set(g, 'process', {
        env: {},
        argv: ['node', 'main.js'],
        platform: hostProcess?.platform ?? 'browser',
        exit,
        nextTick: (fn: (...args: unknown[]) => void, ...args: unknown[]) =>
          hostNextTick ? hostNextTick(() => fn(...args)) : queueMicrotask(() => fn(...args)),
        hrtime: Object.assign(() => [0, 0], { bigint: () => BigInt(Math.round(this.#timers.now() * 1e6)) }),
        on: () => undefined,
      });
    }
  }

  /**
   * A browser worker's `self.close()` would end the worker the harness runs
   * in, and the host would only see a run that never reported. Learner code
   * gets a close that says what it does instead, and stops like process.exit.
   */
  #installClose(set: (target: Record<string, unknown>, key: string, value: unknown) => void): void {
    if (typeof (globalThis as { close?: unknown }).close !== 'function' && !('self' in globalThis)) return;
    const g = this.#learnerGlobals;
    const close = () => {
      this.#rec.errors.push({
        kind: 'exit',
        message:
          'Your code called self.close(), which ends the worker your code runs in at once: nothing after it ran. Let main finish (or throw an error) instead.',
        t: this.#timers.now(),
      });
      this.#stopped = true;
      throw new ExitRequest(0);
    };
    if (g !== globalThis) set(g, 'self', g);
    set(g, 'close', close);
  }

  #installErrorListeners(): void {
    const onRejection = (reason: unknown) => this.#recordThrown('unhandled-rejection', reason);
    const onUncaught = (error: unknown) => this.#recordThrown('uncaught', error);
    const processObject = (globalThis as { process?: { on?: unknown; off?: unknown } }).process as
      | { on: (e: string, f: (x: unknown) => void) => void; off: (e: string, f: (x: unknown) => void) => void }
      | undefined;
    if (processObject && typeof processObject.on === 'function' && typeof processObject.off === 'function') {
      processObject.on('unhandledRejection', onRejection);
      processObject.on('uncaughtException', onUncaught);
      this.#restore.push(() => {
        processObject.off('unhandledRejection', onRejection);
        processObject.off('uncaughtException', onUncaught);
      });
      return;
    }
    const target = globalThis as unknown as {
      addEventListener?: (type: string, f: (event: never) => void) => void;
      removeEventListener?: (type: string, f: (event: never) => void) => void;
    };
    if (typeof target.addEventListener !== 'function') return;
    const rejectionEvent = (event: { reason: unknown; preventDefault(): void }) => {
      event.preventDefault();
      onRejection(event.reason);
    };
    const errorEvent = (event: { error: unknown; message: string; preventDefault(): void }) => {
      event.preventDefault();
      onUncaught(event.error ?? event.message);
    };
    target.addEventListener('unhandledrejection', rejectionEvent);
    target.addEventListener('error', errorEvent);
    this.#restore.push(() => {
      target.removeEventListener?.('unhandledrejection', rejectionEvent);
      target.removeEventListener?.('error', errorEvent);
    });
  }

  #timerApi() {
    const learner = (kind: 'timer' | 'interval' | 'immediate') =>
      (callback: (...a: unknown[]) => void, ms?: unknown, ...args: unknown[]) =>
        new TimerHandle(this.#timer(callback, ms, args, { kind, owner: 'learner' }), this);
    return {
      setTimeout: learner('timer'),
      setInterval: learner('interval'),
      setImmediate: (callback: (...a: unknown[]) => void, ...args: unknown[]) =>
        new TimerHandle(this.#timer(callback, 0, args, { kind: 'immediate', owner: 'learner' }), this),
      clearTimeout: (h: unknown) => this.#clear(h),
      clearInterval: (h: unknown) => this.#clear(h),
      clearImmediate: (h: unknown) => this.#clear(h),
    };
  }

  /** Used by TimerHandle.refresh(). */
  refresh(handle: TimerHandle): void {
    this.#retained.get(handle.id)?.rearm?.();
  }

  #virtualDate(): DateConstructor {
    return virtualDate(() => VIRTUAL_EPOCH + this.#readClock());
  }

  /**
   * The learner reading the virtual clock. Time stands still while their code
   * runs, so a loop waiting for Date.now() to move never ends: after many
   * reads at one instant, stop it with a message that says why.
   */
  #readClock(): number {
    const now = this.#timers.now();
    if (now !== this.#clockReadAt) {
      this.#clockReadAt = now;
      this.#clockReads = 0;
    } else if (++this.#clockReads > MAX_CLOCK_READS_AT_ONE_INSTANT) {
      if (!this.#stopped) {
        this.#stopped = true;
        this.#rec.errors.push({
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
  }

  #abortTimeout(ms: number): AbortSignal {
    const controller = new AbortController();
    this.#timer(
      () => controller.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError')),
      ms,
      [],
      { kind: 'timer', owner: 'harness', label: `AbortSignal.timeout(${normaliseMs(ms)})` },
    );
    return controller.signal;
  }

  #console(): Console {
    return createConsole({
      print: (stream, args) => {
        // Past the cap, don't even format: a million log calls stay cheap.
        if (this.#rec.logs.length >= MAX_LOG_LINES) {
          this.#rec.dropped++;
          this.#rec.truncated = true;
          return;
        }
        this.#rec.log(stream, formatArgs(args));
      },
      now: () => this.#timers.now(),
      indent: (delta) => {
        this.#rec.groupIndent = delta > 0 ? `${this.#rec.groupIndent}  ` : this.#rec.groupIndent.slice(2);
      },
    });
  }

  #fetch() {
    return (input: unknown, init?: { signal?: AbortSignal | null }) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : String((input as { url?: unknown })?.url ?? input);
      const route = this.#routes[url];
      const signal = init?.signal ?? undefined;
      if (!route) {
        const known = Object.keys(this.#routes);
        return real.Promise.reject(
          new TypeError(
            known.length
              ? `fetch failed: ${url} is not one of this exercise's URLs (${known.join(', ')})`
              : `fetch failed: this sandbox has no network, so ${url} can't be reached`,
          ),
        );
      }
      if (this.#o.realFetchBase && real.fetch) return this.#realFetch(url, route, signal);
      return this.#simulate(url, 'fetch', route.latency, () => makeResponse(url, route), signal, `${route.status} ${url}`);
    };
  }

  /**
   * Run in Node.js (WebContainer) with a real local server: the learner's URL
   * goes to that server instead, which answers with the route's latency.
   */
  #realFetch(url: string, route: Route, signal?: AbortSignal): Promise<unknown> {
    const target = new URL(url);
    const span = this.#rec.startSpan(url, 'fetch', 'learner', { ms: route.latency, detail: `${route.status} ${url}` });
    return real.fetch!(`${this.#o.realFetchBase}${target.pathname}${target.search}`, { signal }).then(
      (response) => {
        this.#rec.endSpan(span, 'ok');
        return response;
      },
      (error: unknown) => {
        this.#rec.endSpan(span, signal?.aborted ? 'aborted' : 'error');
        throw error;
      },
    );
  }

  /** A learner-owned piece of work that takes `ms` and can be aborted. */
  #simulate<T>(label: string, kind: SpanKind, requestedMs: number, settle: () => T, signal?: AbortSignal, detail?: string): Promise<T> {
    const ms = normaliseMs(requestedMs);
    return new real.Promise<T>((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      const span = this.#rec.startSpan(label, kind, 'learner', { ms, ...(detail ? { detail } : {}) });
      const onAbort = () => {
        this.#clear(id);
        this.#rec.endSpan(span, 'aborted');
        reject(signal!.reason);
      };
      const id = this.#timer(
        () => {
          signal?.removeEventListener('abort', onAbort);
          let value: T;
          try {
            value = settle();
          } catch (error) {
            this.#rec.endSpan(span, 'error');
            reject(error);
            return;
          }
          this.#rec.endSpan(span, 'ok');
          resolve(value);
        },
        ms,
        [],
        { kind: 'timer', owner: 'learner', silent: true },
      );
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  #makeRequire(helpers: Record<string, unknown>) {
    const timerApi = this.#timerApi();
    const timersPromises = createTimersPromises({
      sleep: (ms, signal, label) => this.#sleep(ms, signal, label),
      immediate: () => new real.Promise<void>((resolve) => void this.#timer(() => resolve(), 0, [], { kind: 'immediate', owner: 'learner' })),
    });
    const modules: Record<string, unknown> = {
      '@course/helpers': helpers,
      'node:timers/promises': timersPromises,
      'timers/promises': timersPromises,
      'node:timers': timerApi,
      timers: timerApi,
    };
    return (name: string) => {
      if (Object.prototype.hasOwnProperty.call(modules, name)) return modules[name];
      throw new Error(
        `Cannot find module '${name}'. In this course you can import from "@course/helpers" and "node:timers/promises".`,
      );
    };
  }

  #sleep(ms: number, signal?: AbortSignal, label?: string): Promise<void> {
    return new real.Promise<void>((resolve, reject) => {
      // As Node's timers/promises: an AbortError whose cause is the signal's reason.
      if (signal?.aborted) {
        reject(abortError(signal.reason));
        return;
      }
      const delay = normaliseMs(ms);
      const onAbort = () => {
        this.#clear(id);
        const record = this.#rec.spans.find((s) => s.id === spanId);
        if (record) record.outcome = 'aborted';
        reject(abortError(signal!.reason));
      };
      const id = this.#timer(
        () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
        delay,
        [],
        { kind: 'timer', owner: 'learner', label: label ?? `sleep(${delay})` },
      );
      const spanId = this.#timerRecords.get(id)?.spanId;
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  #api(): HarnessApi {
    const self = this;
    return {
      mode: this.#o.mode,
      now: () => this.#timers.now(),
      sleep: (ms, signal, label) => this.#sleep(ms, signal, label),
      operation: (label, ms, settle, opts) => this.#simulate(label, 'op', ms, settle, opts?.signal, opts?.detail),
      blockFor: (requested) => {
        const ms = normaliseMs(requested);
        if (ms === 0) return;
        const last = this.#rec.spans.at(-1);
        if (last && last.kind === 'cpu' && last.end === this.#timers.now()) {
          this.#timers.advance(ms);
          last.end = this.#timers.now();
          last.endSeq = ++this.#rec.seq;
          last.ms = (last.ms ?? 0) + ms;
        } else {
          const span = this.#rec.startSpan('CPU work', 'cpu', 'learner', { ms });
          this.#timers.advance(ms);
          this.#rec.endSpan(span);
        }
      },
      span: (label, kind = 'user', detail) => {
        const span = this.#rec.startSpan(label, kind, 'learner', detail ? { detail } : {});
        const handle: SpanHandle = { id: span?.id ?? -1, end: (outcome = 'ok') => this.#rec.endSpan(span, outcome) };
        return handle;
      },
      record: (key, value) => {
        this.#rec.record[key] = toJson(value);
      },
      harnessTimeout: (fn, ms, label) => {
        this.#timer(fn, ms, [], { kind: 'timer', owner: 'harness', label });
      },
      random: () => this.#random(),
      token: () => Math.floor(this.#random() * 36 ** 4).toString(36).padStart(4, '0'),
      routes: (routes) => {
        self.#routes = { ...routes };
      },
      log: (text) => this.#rec.log('info', text),
    };
  }
}

