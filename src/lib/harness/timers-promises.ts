/**
 * `node:timers/promises` on the scenario's clock, so learners can write the
 * Node idiom `await setTimeout(1000)` and have it count as a timer like any other.
 */

import { abortError } from './time-input.ts';

interface Backing {
  sleep(ms: number, signal?: AbortSignal, label?: string): Promise<void>;
  immediate(): Promise<void>;
}

export function createTimersPromises(backing: Backing) {
  async function setTimeout<T = void>(ms?: number, value?: T, options?: { signal?: AbortSignal }): Promise<T> {
    await backing.sleep(Number(ms ?? 1), options?.signal, `setTimeout ${Number(ms ?? 1)} ms`);
    return value as T;
  }
  async function setImmediate<T = void>(value?: T, options?: { signal?: AbortSignal }): Promise<T> {
    if (options?.signal?.aborted) throw abortError(options.signal.reason);
    await backing.immediate();
    return value as T;
  }
  async function* setInterval<T = void>(ms?: number, value?: T, options?: { signal?: AbortSignal }): AsyncGenerator<T> {
    for (;;) {
      await backing.sleep(Number(ms ?? 1), options?.signal, `setInterval ${Number(ms ?? 1)} ms`);
      yield value as T;
    }
  }
  const scheduler = {
    wait: (ms: number, options?: { signal?: AbortSignal }) => backing.sleep(ms, options?.signal, `scheduler.wait(${ms})`),
    yield: () => backing.immediate(),
  };
  return { setTimeout, setImmediate, setInterval, scheduler };
}
