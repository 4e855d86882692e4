/**
 * The real runtime's primitives, captured when the harness module loads —
 * before any scenario replaces the globals with virtual ones, and before
 * learner code could reassign them.
 */

const g = globalThis as typeof globalThis & {
  setImmediate?: (fn: () => void) => unknown;
};

export const real = {
  setTimeout: g.setTimeout.bind(g),
  clearTimeout: g.clearTimeout.bind(g),
  setInterval: g.setInterval.bind(g),
  clearInterval: g.clearInterval.bind(g),
  setImmediate: typeof g.setImmediate === 'function' ? g.setImmediate.bind(g) : undefined,
  Date: g.Date,
  performance: g.performance,
  now: g.performance.now.bind(g.performance),
  console: g.console,
  fetch: typeof g.fetch === 'function' ? g.fetch : undefined,
  abortSignalTimeout: typeof AbortSignal !== 'undefined' ? AbortSignal.timeout : undefined,
  MessageChannel: typeof g.MessageChannel === 'function' ? g.MessageChannel : undefined,
  Promise: g.Promise,
  /** CPU time of this thread in µs (Node ≥ 22); absent in browsers and older Node. */
  threadCpuUsage: (() => {
    const usage = (g as { process?: { threadCpuUsage?: () => { user: number; system: number } } }).process?.threadCpuUsage;
    return typeof usage === 'function' ? usage.bind((g as { process?: unknown }).process) : undefined;
  })(),
};

/**
 * A stopwatch for the run's budget. Run and Check both run on the virtual
 * clock, so all of a run's time is CPU time: where Node measures this
 * thread's CPU time, the budget counts that, and a machine busy with other
 * work doesn't make code look like a runaway. Where it can't be measured (a
 * browser worker) the wall clock counts, which under the virtual clock is
 * nearly all CPU too. A Run on the real clock (fetching from a real server)
 * counts CPU time as well, so a long real wait is never called a runaway.
 */
export function budgetStopwatch(_mode: 'run' | 'check'): () => number {
  const cpu = real.threadCpuUsage;
  if (cpu) {
    const at = cpu();
    return () => {
      const now = cpu();
      return (now.user - at.user + now.system - at.system) / 1000;
    };
  }
  const start = real.now();
  return () => real.now() - start;
}

/**
 * One turn of the real event loop: every queued microtask runs first, and the
 * runtime reports unhandled rejections. Node has setImmediate; in a browser
 * worker a MessageChannel does the same job fast (a setTimeout(0) chain is
 * clamped to 4 ms, which made 100 sleeps take ~400 ms).
 */
export const realTurn: () => Promise<void> = (() => {
  if (real.setImmediate) {
    const immediate = real.setImmediate;
    return () => new real.Promise<void>((resolve) => void immediate(resolve));
  }
  if (real.MessageChannel) {
    const channel = new real.MessageChannel();
    const waiting: Array<() => void> = [];
    channel.port1.onmessage = () => waiting.shift()?.();
    return () =>
      new real.Promise<void>((resolve) => {
        waiting.push(resolve);
        channel.port2.postMessage(0);
      });
  }
  return () => new real.Promise<void>((resolve) => void real.setTimeout(resolve, 0));
})();

/** A real wait, used by the Run driver to poll. */
export function realSleep(ms: number): Promise<void> {
  return new real.Promise<void>((resolve) => void real.setTimeout(resolve, ms));
}
