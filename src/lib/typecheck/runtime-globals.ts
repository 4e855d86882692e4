/**
 * What learner code can reach besides the ES library, as declarations for
 * the type checker: the globals the harness installs in both runtimes
 * (src/lib/harness/learner-globals.ts and learner-work.ts: timers, console,
 * the simulated fetch, AbortSignal.timeout, a small `process`) and those the
 * browser worker and Node both have (AbortController, queueMicrotask,
 * structuredClone, …).
 *
 * Kept as a string, not a .d.ts file, so that `astro check` (which has
 * Node's own types) never sees two declarations of `console`.
 * Deliberately no DOM: `document` or `window` in learner code is a mistake
 * the checker should name, because neither runtime has them.
 */
export const RUNTIME_GLOBALS_FILE = '/course-runtime.d.ts';

export const RUNTIME_GLOBALS = `
/** A timer: pass it to clearTimeout or clearInterval to cancel it. */
interface CourseTimer { ref(): this; unref(): this; hasRef(): boolean; [Symbol.toPrimitive](): number }
/** Runs \`callback\` once, after at least \`ms\` milliseconds on the course's clock. */
declare function setTimeout(callback: (_: void) => void, ms?: number): CourseTimer;
/** Runs \`callback\` once, after at least \`ms\` milliseconds on the course's clock. */
declare function setTimeout<A extends unknown[]>(callback: (...args: A) => void, ms?: number, ...args: A): CourseTimer;
/** Runs \`callback\` every \`ms\` milliseconds until cleared. */
declare function setInterval(callback: (_: void) => void, ms?: number): CourseTimer;
/** Runs \`callback\` every \`ms\` milliseconds until cleared. */
declare function setInterval<A extends unknown[]>(callback: (...args: A) => void, ms?: number, ...args: A): CourseTimer;
/** Runs \`callback\` after the current turn of the event loop, before any timer. */
declare function setImmediate(callback: (_: void) => void): CourseTimer;
/** Runs \`callback\` after the current turn of the event loop, before any timer. */
declare function setImmediate<A extends unknown[]>(callback: (...args: A) => void, ...args: A): CourseTimer;
declare function clearTimeout(timer: CourseTimer | number | string | undefined | null): void;
declare function clearInterval(timer: CourseTimer | number | string | undefined | null): void;
declare function clearImmediate(timer: CourseTimer | undefined | null): void;
/** Queues \`callback\` as a microtask: it runs before the next task, as a promise reaction would. */
declare function queueMicrotask(callback: () => void): void;
declare function structuredClone<T>(value: T): T;

interface Console {
  log(...data: unknown[]): void;
  info(...data: unknown[]): void;
  warn(...data: unknown[]): void;
  error(...data: unknown[]): void;
  debug(...data: unknown[]): void;
  trace(...data: unknown[]): void;
  dir(item?: unknown, options?: unknown): void;
  table(data: unknown, columns?: string[]): void;
  assert(condition?: boolean, ...data: unknown[]): void;
  count(label?: string): void;
  countReset(label?: string): void;
  group(...label: unknown[]): void;
  groupCollapsed(...label: unknown[]): void;
  groupEnd(): void;
  time(label?: string): void;
  timeEnd(label?: string): void;
  timeLog(label?: string, ...data: unknown[]): void;
}
declare var console: Console;

interface Performance { now(): number; readonly timeOrigin: number; mark(name: string): void; measure(name: string, start?: string, end?: string): void }
declare var performance: Performance;

interface Event { readonly type: string }
interface EventListenerObject { handleEvent(event: Event): void }
type EventListenerOrEventListenerObject = ((event: Event) => void) | EventListenerObject;
interface AddEventListenerOptions { once?: boolean; signal?: AbortSignal; passive?: boolean; capture?: boolean }

/** Says when an operation should stop: pass it on, and check \`aborted\` or listen for "abort". */
interface AbortSignal {
  readonly aborted: boolean;
  readonly reason: any;
  onabort: ((event: Event) => void) | null;
  throwIfAborted(): void;
  addEventListener(type: 'abort', listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener(type: 'abort', listener: EventListenerOrEventListenerObject, options?: boolean | { capture?: boolean }): void;
}
declare var AbortSignal: {
  prototype: AbortSignal;
  /** A signal that aborts after \`ms\` milliseconds with a TimeoutError. */
  timeout(ms: number): AbortSignal;
  /** A signal already aborted with \`reason\`. */
  abort(reason?: any): AbortSignal;
  /** A signal that aborts when any of \`signals\` does. */
  any(signals: Iterable<AbortSignal>): AbortSignal;
};
/** Cancels work: hand out \`signal\`, call \`abort()\` to stop everything listening to it. */
interface AbortController { readonly signal: AbortSignal; abort(reason?: any): void }
declare var AbortController: { prototype: AbortController; new (): AbortController };

interface DOMException extends Error { readonly code: number }
declare var DOMException: { prototype: DOMException; new (message?: string, name?: string): DOMException };

/** The course's simulated response (headers as a Map). */
interface Response {
  readonly url: string;
  readonly ok: boolean;
  readonly status: number;
  readonly statusText: string;
  readonly redirected: boolean;
  readonly headers: Map<string, string>;
  readonly bodyUsed: boolean;
  text(): Promise<string>;
  json(): Promise<any>;
}
interface RequestInit { signal?: AbortSignal | null; method?: string; headers?: Record<string, string>; body?: string }
/** The course's simulated fetch: each URL answers after its own latency on the course's clock. */
declare function fetch(input: string | URL, init?: RequestInit): Promise<Response>;

interface URL { href: string; origin: string; protocol: string; host: string; hostname: string; port: string; pathname: string; search: string; hash: string; readonly searchParams: URLSearchParams; toString(): string; toJSON(): string }
declare var URL: { prototype: URL; new (url: string | URL, base?: string | URL): URL };
interface URLSearchParams { get(name: string): string | null; has(name: string): boolean; set(name: string, value: string): void; append(name: string, value: string): void; toString(): string }
declare var URLSearchParams: { prototype: URLSearchParams; new (init?: string | Record<string, string>): URLSearchParams };

interface TextEncoder { encode(input?: string): Uint8Array }
declare var TextEncoder: { prototype: TextEncoder; new (): TextEncoder };
interface TextDecoder { decode(input?: ArrayBufferView | ArrayBuffer): string }
declare var TextDecoder: { prototype: TextDecoder; new (label?: string): TextDecoder };

/** The parts of Node's \`process\` that course code uses (the browser runtime gives the same). */
declare var process: {
  env: Record<string, string | undefined>;
  argv: string[];
  platform: string;
  exitCode?: number;
  exit(code?: number): never;
  nextTick(callback: (...args: any[]) => void, ...args: any[]): void;
  hrtime: { (time?: [number, number]): [number, number]; bigint(): bigint };
  on(event: string, listener: (...args: any[]) => void): unknown;
  off(event: string, listener: (...args: any[]) => void): unknown;
  once(event: string, listener: (...args: any[]) => void): unknown;
  memoryUsage(): { rss: number; heapTotal: number; heapUsed: number; external: number };
};
`;

/**
 * \`node:timers/promises\` as both runtimes give it (the harness's own copy,
 * src/lib/harness/timers-promises.ts, on the course's clock).
 */
export const TIMERS_PROMISES_FILE = '/node-timers-promises.d.ts';

export const TIMERS_PROMISES = `
declare module 'node:timers/promises' {
  interface TimerOptions { signal?: AbortSignal; ref?: boolean }
  /** Resolves with \`value\` after \`ms\` milliseconds on the course's clock (like asyncio.sleep). Rejects if \`options.signal\` aborts. */
  export function setTimeout<T = void>(ms?: number, value?: T, options?: TimerOptions): Promise<T>;
  /** Resolves with \`value\` after the current turn of the event loop: a way to let other work run. */
  export function setImmediate<T = void>(value?: T, options?: TimerOptions): Promise<T>;
  /** Yields \`value\` every \`ms\` milliseconds, for \`for await\`. */
  export function setInterval<T = void>(ms?: number, value?: T, options?: TimerOptions): AsyncIterableIterator<T>;
  export const scheduler: { wait(ms: number, options?: { signal?: AbortSignal }): Promise<void>; yield(): Promise<void> };
}
declare module 'timers/promises' {
  export * from 'node:timers/promises';
}
`;
