/**
 * Hardened JavaScript (SES) for learner code. Every runtime's entry (the
 * Node worker, the browser sandbox worker, node in WebContainer) calls
 * `hardenRealm()` before any learner code exists: the shared built-ins
 * (Promise.prototype, Array.prototype, JSON, Object, Function.prototype, …)
 * are frozen, so learner code can't patch what the harness itself uses to
 * build the Observation. Learner code then runs in its own Compartment whose
 * only globals are what the course gives it (see `learnerCompartment`), so it
 * never sees the worker's `postMessage`, `parentPort` or `process`.
 *
 * Code that imports the harness in-process without an entry (unit tests)
 * runs without SES: `isHardened()` is false there and the plain function
 * compiler is used.
 */
import 'ses';

declare global {
  // Installed by `ses`.
  var lockdown: ((options?: Record<string, string>) => void) | undefined;
  var harden: (<T>(value: T) => T) | undefined;
}

let hardened = false;

/** Freezes the intrinsics of this realm, once. Call before any learner code runs. */
export function hardenRealm(): void {
  if (hardened) return;
  globalThis.lockdown!({
    // Learner errors need their real stack (for "line 4, column 7") and message.
    errorTaming: 'unsafe',
    stackFiltering: 'verbose',
    // The harness's console capture replaces console per scenario; the host's stays as it is.
    consoleTaming: 'unsafe',
    // Assigning an inherited property (`this.toString = …` in a class) still works on learner objects:
    // 'severe' turns every frozen prototype property into an accessor that allows the override mistake's cases.
    overrideTaming: 'severe',
    // Node's domain module is never loaded here; no need to refuse it.
    domainTaming: 'unsafe',
    // toLocaleString keeps the host's locale formatting (the course prints numbers with it).
    localeTaming: 'unsafe',
  });
  hardened = true;
}

export function isHardened(): boolean {
  return hardened;
}

/** The host's globals learner code may use, besides what each scenario installs (timers, console, fetch, Date, …). */
const HOST_GLOBALS = [
  'queueMicrotask',
  'structuredClone',
  'URL',
  'URLSearchParams',
  'TextEncoder',
  'TextDecoder',
  'AbortController',
  'AbortSignal',
  'EventTarget',
  'Event',
  'DOMException',
  'atob',
  'btoa',
  'Blob',
  'Headers',
  'Response',
  'Request',
  'crypto',
] as const;

interface CompartmentLike {
  globalThis: Record<string, unknown>;
  evaluate(source: string): unknown;
}

/**
 * A compartment for one run of learner code. Its global object starts with
 * the host globals above and this realm's working Math and Date (a
 * compartment's own throw on `Math.random()` and `new Date()`); each
 * scenario then installs its clock, console and the rest on it.
 */
export function learnerCompartment(): CompartmentLike {
  const Compartment = (globalThis as unknown as { Compartment: new (options?: object) => CompartmentLike }).Compartment;
  const globals: Record<string, unknown> = { Math, Date };
  const host = globalThis as unknown as Record<string, unknown>;
  for (const name of HOST_GLOBALS) if (host[name] !== undefined) globals[name] = host[name];
  return new Compartment({ globals, __options__: true });
}

/** Where a TypeError comes from learner code writing to something frozen. */
const FROZEN_WRITE = /Cannot assign to read only property|object is not extensible|Cannot redefine property|Cannot delete property|Cannot define property|read-only|Cannot add property/i;

/** A hint appended to errors from writing to a frozen built-in, so the learner knows why. */
export function frozenBuiltInHint(error: unknown): string | undefined {
  if (!hardened || !(error instanceof TypeError) || !FROZEN_WRITE.test(error.message)) return undefined;
  return 'The course freezes built-in objects such as Promise.prototype, Array.prototype and JSON, so code can’t change them; solve the exercise with your own functions instead.';
}
