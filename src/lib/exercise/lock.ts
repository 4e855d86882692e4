/**
 * The course's `Lock` helper: Python's `asyncio.Lock` for learner code. One
 * holder at a time; the others wait in the order they asked (FIFO, as
 * asyncio's is). A release hands the lock straight to the next waiter, so a
 * newcomer can't slip in between.
 *
 * A wait shows on the timeline as a span, "waiting for the lock", so a
 * learner sees the tasks queue up; a wait still open when the learner's
 * function settles counts as work left running, which it is.
 */
import type { HarnessApi } from './spec.ts';

type SpanOpener = Pick<HarnessApi, 'span'>;

export interface CourseLock {
  acquire(): Promise<void>;
  release(): void;
  locked(): boolean;
}

/** A `Lock` class whose waits are drawn on `h`'s timeline; `onCreate` hears of each new lock (a check may count them). */
export function lockClass(h: SpanOpener, onCreate?: () => void): new () => CourseLock {
  return class Lock implements CourseLock {
    #held = false;
    readonly #waiters: Array<() => void> = [];

    constructor() {
      onCreate?.();
    }

    locked(): boolean {
      return this.#held;
    }

    acquire(): Promise<void> {
      if (!this.#held) {
        this.#held = true;
        return Promise.resolve();
      }
      const wait = h.span('waiting for the lock', 'user');
      return new Promise<void>((resolve) => {
        this.#waiters.push(() => {
          wait.end();
          resolve();
        });
      });
    }

    release(): void {
      // asyncio.Lock raises RuntimeError("Lock is not acquired.") here.
      if (!this.#held) throw new Error('release() called on a lock that is not held');
      const next = this.#waiters.shift();
      if (next) next();
      else this.#held = false;
    }
  };
}
