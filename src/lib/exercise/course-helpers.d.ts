/**
 * Types of the course helpers learners import from "@course/helpers".
 * Each exercise gives only the helpers its contract lists (see
 * content/exercises/<id>/check.ts); this file types them all for the editor
 * and for `astro check` of the exercise fixtures.
 */
declare module '@course/helpers' {
  /** Non-blocking wait on the course's clock (asyncio.sleep). Rejects with `signal.reason` if the signal aborts. */
  export function sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** Holds the thread for `ms`, like Python's time.sleep or heavy CPU work: nothing else runs meanwhile. */
  export function blockFor(ms: number): void;

  /** first-coroutine: some slow operation that resolves to "ok". */
  export function operation(): Promise<string>;

  /** run-concurrently: breakfast, each taking its own time. */
  export function brewCoffee(): Promise<string>;
  export function toastBread(): Promise<string>;
  export function fryEggs(): Promise<string>;

  /** dont-block-the-loop: trial division, charged 1 ms of CPU per call. */
  export function isPrimeSlow(n: number): boolean;

  /** await-everything: a tiny user store. */
  export type User = { id: number; name: string };
  export function saveUser(user: User): Promise<void>;
  export function loadUser(id: number): Promise<User>;
  export function sendEmail(user: User, subject: string): Promise<void>;

  /** handle-errors: operations that may fail, and what to report for each. */
  export type Op = { name: string; run: () => Promise<string> };
  export type Outcome = { name: string; ok: true; value: string } | { name: string; ok: false; error: string };
}
