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

let hardened = false;

/** Freezes the intrinsics of this realm, once. Call before any learner code runs. */
export function hardenRealm(): void {
  if (hardened) return;
  lockdown({
    // Learner errors need their real stack (for "line 4, column 7") and message.
    errorTaming: 'unsafe',
    stackFiltering: 'verbose',
    // The harness's console capture replaces console per scenario; the host's stays as it is.
    consoleTaming: 'unsafe',
    // Assigning an inherited property on one's own object (`this.toString = …` in a class) still
    // works for the common cases. Not 'severe': it turns every prototype method into an accessor,
    // and V8 then runs the harness's own hot paths (push, timers) several times slower.
    overrideTaming: 'moderate',
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

/** The host globals above that are plain functions of the global object, not classes. */
const HOST_FUNCTIONS: ReadonlySet<string> = new Set(['queueMicrotask', 'structuredClone', 'atob', 'btoa']);

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
  const globals: Record<string, unknown> = { Math, Date };
  const host = globalThis as unknown as Record<string, unknown>;
  for (const name of HOST_GLOBALS) {
    const value = host[name];
    if (value === undefined) continue;
    // A bare call inside the compartment passes its scope object as `this`; the web's
    // global functions (queueMicrotask, atob, …) throw "Illegal invocation" unless bound.
    globals[name] = HOST_FUNCTIONS.has(name) ? (value as (...args: unknown[]) => unknown).bind(host) : value;
  }
  const compartment = new Compartment({ globals, __options__: true }) as unknown as CompartmentLike;
  Object.setPrototypeOf(compartment.globalThis, notDefined(Object.getPrototypeOf(compartment.globalThis) as object));
  return compartment;
}

/**
 * A compartment reads a name it lacks as `undefined` (SES can't tell a
 * missing global from an absent one without revealing the host's). Learner
 * code should meet what JavaScript says: `localStorage is not defined`.
 * Behind the compartment's global object, this answers a bare name nothing
 * else declared with that ReferenceError. A name lookup asks `has` before
 * `get` (the compartment's `with` scope does), a property read
 * (`globalThis.maybe`) only `get`: the latter stays `undefined`, as in
 * JavaScript. Assigning a new global still works.
 */
function notDefined(prototype: object): object {
  let askedFor: string | undefined;
  return new Proxy(prototype, {
    has: (target, key) => {
      if (typeof key !== 'string' || Reflect.has(target, key)) return Reflect.has(target, key);
      askedFor = key;
      return true;
    },
    get: (target, key, receiver) => {
      if (typeof key === 'symbol' || Reflect.has(target, key)) return Reflect.get(target, key, receiver);
      if (key !== askedFor) return undefined;
      askedFor = undefined;
      throw new ReferenceError(`${key} is not defined`);
    },
  });
}

/** Where a TypeError comes from learner code writing to something frozen. */
const FROZEN_WRITE = /Cannot assign to read only property|object is not extensible|Cannot redefine property|Cannot delete property|Cannot define property|read-only|Cannot add property/i;

/** A hint appended to errors from writing to a frozen built-in, so the learner knows why. */
export function frozenBuiltInHint(error: unknown): string | undefined {
  if (!hardened || !(error instanceof TypeError) || !FROZEN_WRITE.test(error.message)) return undefined;
  return 'The course freezes built-in objects such as Promise.prototype, Array.prototype and JSON, so code can’t change them; solve the exercise with your own functions instead.';
}
