/**
 * Runs in the sandbox worker before the harness loads (sandbox-worker.ts
 * imports it first). It gives the worker a `setImmediate`, which the
 * harness's real.ts prefers for its "one real event-loop turn" between
 * virtual timers.
 *
 * Why: a browser reports an unhandled rejection as a task queued when the
 * microtask checkpoint ends, which is after a one-hop MessageChannel turn
 * has already been queued. With one hop the next virtual timer fired first,
 * so a rejection at 100 ms was recorded at 200 ms and Check's message
 * differed from the CLI's (Node reports it within the same turn). Two hops
 * let the queued `unhandledrejection` event run before the next timer, so
 * the page records the time the CLI records.
 */
const scope = globalThis as typeof globalThis & { setImmediate?: (fn: () => void) => unknown };

if (typeof scope.setImmediate !== 'function' && typeof MessageChannel === 'function') {
  const channel = new MessageChannel();
  const queue: Array<{ fn: () => void; hops: number }> = [];
  channel.port1.onmessage = () => {
    const job = queue.shift();
    if (!job) return;
    if (job.hops > 1) {
      queue.push({ fn: job.fn, hops: job.hops - 1 });
      channel.port2.postMessage(0);
    } else {
      job.fn();
    }
  };
  Object.defineProperty(scope, 'setImmediate', {
    configurable: true,
    writable: true,
    value: (fn: () => void) => {
      queue.push({ fn, hops: 2 });
      channel.port2.postMessage(0);
    },
  });
}

export {};
