/**
 * What learner code sees as globals for the length of a scenario: timers,
 * console, fetch, a virtual Date and performance under Check, and the parts of
 * `process` (and a worker's `close`) course code uses, wired to the scenario's
 * clock and recorder. Promise jobs, queueMicrotask and process.nextTick stay
 * native, so promise order is the real engine's.
 */
import type { ScenarioState } from './scenario-state.ts';
import { formatArgs, inspect } from './format.ts';
import { ExitRequest } from './learner-values.ts';
import { createConsole } from './learner-console.ts';
import { virtualDate } from './virtual-date.ts';
import { MAX_LOG_LINES, VIRTUAL_EPOCH } from './limits.ts';
import { abortTimeout, learnerFetch, timerApi } from './learner-work.ts';

type Setter = (target: Record<string, unknown>, key: string, value: unknown) => void;

/**
 * Installs the scenario's globals on `g` (the compartment's global table, or
 * globalThis) and returns what puts the previous ones back, in reverse order.
 */
export function installGlobals(run: ScenarioState, g: Record<string, unknown>): () => void {
  const restore: Array<() => void> = [];
  const set = (target: Record<string, unknown>, key: string, value: unknown) => {
    const had = Object.prototype.hasOwnProperty.call(target, key);
    const before = Object.getOwnPropertyDescriptor(target, key);
    Object.defineProperty(target, key, { value, writable: true, configurable: true, enumerable: before?.enumerable ?? false });
    restore.push(() => {
      if (had && before) Object.defineProperty(target, key, before);
      else delete target[key];
    });
  };
  const timers = timerApi(run);
  for (const [key, value] of Object.entries(timers)) set(g, key, value);
  set(g, 'console', learnerConsole(run));
  set(g, 'fetch', learnerFetch(run));
  if (run.timers.virtual) {
    set(g, 'Date', learnerDate(run));
    set(g, 'performance', { now: () => run.readClock(), timeOrigin: VIRTUAL_EPOCH, mark() {}, measure() {} });
  }
  if (typeof AbortSignal !== 'undefined') {
    set(AbortSignal as unknown as Record<string, unknown>, 'timeout', (ms: number) => abortTimeout(run, ms));
  }
  installProcess(run, g, set);
  installClose(run, g, set);
  installErrorListeners(run, restore);
  return () => {
    while (restore.length) restore.pop()!();
  };
}

function installProcess(run: ScenarioState, g: Record<string, unknown>, set: Setter): void {
  const exit = (code?: unknown) => {
    const status = code === undefined ? 0 : Number(code);
    run.rec.errors.push({
      kind: 'exit',
      message: `Your code called process.exit(${code === undefined ? '' : inspect(code, 0)}), which ends the whole program at once: nothing after it ran. Let main finish (or throw an error) instead.`,
      t: run.timers.now(),
    });
    run.stopped = true;
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
      hrtime: Object.assign(() => [0, 0], { bigint: () => BigInt(Math.round(run.timers.now() * 1e6)) }),
      on: () => undefined,
    });
  }
}

/**
 * A browser worker's `self.close()` would end the worker the harness runs
 * in, and the host would only see a run that never reported. Learner code
 * gets a close that says what it does instead, and stops like process.exit.
 */
function installClose(run: ScenarioState, g: Record<string, unknown>, set: Setter): void {
  if (typeof (globalThis as { close?: unknown }).close !== 'function' && !('self' in globalThis)) return;
  const close = () => {
    run.rec.errors.push({
      kind: 'exit',
      message:
        'Your code called self.close(), which ends the worker your code runs in at once: nothing after it ran. Let main finish (or throw an error) instead.',
      t: run.timers.now(),
    });
    run.stopped = true;
    throw new ExitRequest(0);
  };
  if (g !== globalThis) set(g, 'self', g);
  set(g, 'close', close);
}

function installErrorListeners(run: ScenarioState, restore: Array<() => void>): void {
  const onRejection = (reason: unknown) => run.recordThrown('unhandled-rejection', reason);
  const onUncaught = (error: unknown) => run.recordThrown('uncaught', error);
  const processObject = (globalThis as { process?: { on?: unknown; off?: unknown } }).process as
    | { on: (e: string, f: (x: unknown) => void) => void; off: (e: string, f: (x: unknown) => void) => void }
    | undefined;
  if (processObject && typeof processObject.on === 'function' && typeof processObject.off === 'function') {
    processObject.on('unhandledRejection', onRejection);
    processObject.on('uncaughtException', onUncaught);
    restore.push(() => {
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
  restore.push(() => {
    target.removeEventListener?.('unhandledrejection', rejectionEvent);
    target.removeEventListener?.('error', errorEvent);
  });
}

function learnerDate(run: ScenarioState): DateConstructor {
  return virtualDate(() => VIRTUAL_EPOCH + run.readClock());
}

function learnerConsole(run: ScenarioState): Console {
  return createConsole({
    print: (stream, args) => {
      // Past the cap, don't even format: a million log calls stay cheap.
      if (run.rec.logs.length >= MAX_LOG_LINES) {
        run.rec.dropped++;
        run.rec.truncated = true;
        return;
      }
      run.rec.log(stream, formatArgs(args));
    },
    now: () => run.timers.now(),
    indent: (delta) => {
      run.rec.groupIndent = delta > 0 ? `${run.rec.groupIndent}  ` : run.rec.groupIndent.slice(2);
    },
  });
}
