/**
 * Types of the course helpers learners import from "@course/helpers".
 * Each exercise gives only the helpers its contract lists (see
 * content/exercises/<id>/check.ts); this file types them all for the editor
 * (its hovers and completions show these doc comments), for the Types check
 * (src/lib/typecheck/) and for `astro check` of the exercise fixtures.
 */
declare module '@course/helpers' {
  /**
   * Waits `ms` milliseconds without blocking: other work runs meanwhile (like
   * Python's `await asyncio.sleep(s)`). If `signal` aborts first, it rejects
   * as Node's `setTimeout` from `node:timers/promises` does: with an
   * `AbortError` whose `cause` is `signal.reason` (ask the signal why).
   * @example await sleep(500);
   */
  export function sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /**
   * Holds the thread for `ms` milliseconds, like Python's `time.sleep` or
   * heavy CPU work: nothing else runs meanwhile, timers and promises wait.
   */
  export function blockFor(ms: number): void;

  /** A slow operation that resolves to "ok" (first-coroutine). */
  export function operation(): Promise<string>;

  /** Takes order number `orderId`; resolves, after a while, to the dish that was ordered (order-then-cook). */
  export function takeOrder(orderId: number): Promise<string>;
  /** Cooks `dish`; resolves, after a while, to the cooked meal (order-then-cook). */
  export function cook(dish: string): Promise<string>;

  /** Brews coffee, the slowest dish; resolves to what was made (run-concurrently). */
  export function brewCoffee(): Promise<string>;
  /** Toasts bread; resolves to what was made (run-concurrently). */
  export function toastBread(): Promise<string>;
  /** Fries eggs, the quickest dish; resolves to what was made (run-concurrently). */
  export function fryEggs(): Promise<string>;

  /** Trial division that costs 1 ms of CPU per call, blocking the thread meanwhile (dont-block-the-loop). */
  export function isPrimeSlow(n: number): boolean;

  /** A user in the tiny store of await-everything. */
  export type User = { id: number; name: string };
  /** Stores `user`; it can be loaded only once this has resolved. */
  export function saveUser(user: User): Promise<void>;
  /** Loads the user stored under `id`; rejects with "user <id> not found" if it isn't stored (yet). */
  export function loadUser(id: number): Promise<User>;
  /** Sends `user` an email with this subject; resolves once it has gone. */
  export function sendEmail(user: User, subject: string): Promise<void>;

  /** An operation that may fail (handle-errors): its name, and `run` to start it. */
  export type Op = { name: string; run: () => Promise<string> };
  /** What to report for one Op: its value if it succeeded, its error message if it failed. */
  export type Outcome = { name: string; ok: true; value: string } | { name: string; ok: false; error: string };

  /**
   * A lock for async code, like Python's `asyncio.Lock`: one holder at a
   * time, the others wait their turn in the order they asked.
   * @example
   * const lock = new Lock();
   * await lock.acquire();
   * try { … } finally { lock.release(); }
   */
  export class Lock {
    /** Resolves once this caller holds the lock (at once if nobody does). */
    acquire(): Promise<void>;
    /** Gives the lock to the next waiter, or frees it. Throws if the lock isn't held. */
    release(): void;
    /** Whether someone holds the lock right now. */
    locked(): boolean;
  }

  /** Reads the account's balance from the store; resolves after a while (shared-balance). */
  export function readBalance(): Promise<number>;
  /** Writes a new balance to the store; resolves once it is saved (shared-balance). */
  export function writeBalance(balance: number): Promise<void>;
  /** Checks that a deposit is allowed; resolves after a while, and needs no lock (shared-balance). */
  export function verifyDeposit(amount: number): Promise<void>;

  /** One line of the crawler's report: the page's body if it loaded, or why it failed (crawler). */
  export type Crawled = { url: string; ok: true; body: string } | { url: string; ok: false; reason: string };
}
