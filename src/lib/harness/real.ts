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
};

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
