/**
 * The learner's timers, fetch, require and sleep for one scenario: each
 * schedules through the scenario's clock and records a span, so the judge sees
 * what the learner's code started and when it ended.
 */
import { closestName } from './crash-cause.ts';
import type { SpanKind } from './observation.ts';
import type { Route } from '../exercise/spec.ts';
import type { ScenarioState } from './scenario-state.ts';
import { real } from './real.ts';
import { createTimersPromises } from './timers-promises.ts';
import { abortError, normaliseMs } from './time-input.ts';
import { TimerHandle, makeResponse } from './learner-values.ts';

export function timerApi(run: ScenarioState) {
  const learner = (kind: 'timer' | 'interval' | 'immediate') =>
    (callback: (...a: unknown[]) => void, ms?: unknown, ...args: unknown[]) =>
      new TimerHandle(run.timer(callback, ms, args, { kind, owner: 'learner' }), run);
  return {
    setTimeout: learner('timer'),
    setInterval: learner('interval'),
    setImmediate: (callback: (...a: unknown[]) => void, ...args: unknown[]) =>
      new TimerHandle(run.timer(callback, 0, args, { kind: 'immediate', owner: 'learner' }), run),
    clearTimeout: (h: unknown) => run.clear(h),
    clearInterval: (h: unknown) => run.clear(h),
    clearImmediate: (h: unknown) => run.clear(h),
  };
}

export function abortTimeout(run: ScenarioState, ms: number): AbortSignal {
  const controller = new AbortController();
  run.timer(
    () => controller.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError')),
    ms,
    [],
    { kind: 'timer', owner: 'harness', label: `AbortSignal.timeout(${normaliseMs(ms)})` },
  );
  return controller.signal;
}

export function learnerFetch(run: ScenarioState) {
  return (input: unknown, init?: { signal?: AbortSignal | null }) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : String((input as { url?: unknown })?.url ?? input);
    const route = run.routes[url];
    const signal = init?.signal ?? undefined;
    if (!route) {
      const known = Object.keys(run.routes);
      return real.Promise.reject(
        new TypeError(
          known.length
            ? `fetch failed: ${url} is not one of this exercise's URLs (${known.join(', ')})`
            : `fetch failed: this sandbox has no network, so ${url} can't be reached`,
        ),
      );
    }
    if (run.o.realFetchBase && real.fetch) return realFetch(run, url, route, signal);
    return simulate(run, url, 'fetch', route.latency, () => makeResponse(url, route), signal, `${route.status} ${url}`);
  };
}

/**
 * Run in Node.js (WebContainer) with a real local server: the learner's URL
 * goes to that server instead, which answers with the route's latency.
 */
function realFetch(run: ScenarioState, url: string, route: Route, signal?: AbortSignal): Promise<unknown> {
  const target = new URL(url);
  const span = run.rec.startSpan(url, 'fetch', 'learner', { ms: route.latency, detail: `${route.status} ${url}` });
  return real.fetch!(`${run.o.realFetchBase}${target.pathname}${target.search}`, { signal }).then(
    (response) => {
      run.rec.endSpan(span, 'ok');
      return response;
    },
    (error: unknown) => {
      run.rec.endSpan(span, signal?.aborted ? 'aborted' : 'error');
      throw error;
    },
  );
}

/** A learner-owned piece of work that takes `ms` and can be aborted. */
export function simulate<T>(
run: ScenarioState,
label: string,
kind: SpanKind,
requestedMs: number,
settle: () => T,
signal?: AbortSignal,
detail?: string,
): Promise<T> {
  const ms = normaliseMs(requestedMs);
  return new real.Promise<T>((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const span = run.rec.startSpan(label, kind, 'learner', { ms, ...(detail ? { detail } : {}) });
    const onAbort = () => {
      run.clear(id);
      run.rec.endSpan(span, 'aborted');
      reject(signal!.reason);
    };
    const id = run.timer(
      () => {
        signal?.removeEventListener('abort', onAbort);
        let value: T;
        try {
          value = settle();
        } catch (error) {
          run.rec.endSpan(span, 'error');
          reject(error);
          return;
        }
        run.rec.endSpan(span, 'ok');
        resolve(value);
      },
      ms,
      [],
      { kind: 'timer', owner: 'learner', silent: true },
    );
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * The learner's `require`. `helperImports` are the names the code imports
 * from `@course/helpers` (with their lines): one the helpers don't have fails
 * the module as Node's ESM loader does, before anything runs, instead of
 * surfacing later as "Cannot read properties of undefined (reading 'call')".
 */
export function makeRequire(run: ScenarioState, helpers: Record<string, unknown>, helperImports: ReadonlyArray<{ imported: string; line: number }> = []) {
  const timers = timerApi(run);
  const timersPromises = createTimersPromises({
    sleep: (ms, signal, label) => sleep(run, ms, signal, label),
    immediate: () => new real.Promise<void>((resolve) => void run.timer(() => resolve(), 0, [], { kind: 'immediate', owner: 'learner' })),
  });
  const modules: Record<string, unknown> = {
    '@course/helpers': helpers,
    'node:timers/promises': timersPromises,
    'timers/promises': timersPromises,
    'node:timers': timers,
    timers,
  };
  return (name: string) => {
    if (name === '@course/helpers') {
      const missing = helperImports.find((i) => !Object.prototype.hasOwnProperty.call(helpers, i.imported));
      if (missing) throw missingHelper(run, missing, Object.keys(helpers));
    }
    if (Object.prototype.hasOwnProperty.call(modules, name)) return modules[name];
    throw new Error(
      `Cannot find module '${name}'. In this course you can import from "@course/helpers" and "node:timers/promises".`,
    );
  };
}

function missingHelper(run: ScenarioState, missing: { imported: string; line: number }, names: string[]): SyntaxError {
  const error = new SyntaxError(`The requested module '@course/helpers' does not provide an export named '${missing.imported}'`);
  const near = closestName(missing.imported, names);
  const offer = near ? `Did you mean \`${near}\`?` : `It gives: ${names.map((n) => `\`${n}\``).join(', ')}.`;
  run.hints.set(error, { hint: `Your code imports \`${missing.imported}\` from \`@course/helpers\`, which exports nothing by that name. ${offer}`, line: missing.line });
  return error;
}

export function sleep(run: ScenarioState, ms: number, signal?: AbortSignal, label?: string): Promise<void> {
  return new real.Promise<void>((resolve, reject) => {
    // As Node's timers/promises: an AbortError whose cause is the signal's reason.
    if (signal?.aborted) {
      reject(abortError(signal.reason));
      return;
    }
    const delay = normaliseMs(ms);
    const onAbort = () => {
      run.clear(id);
      const record = run.rec.spans.find((s) => s.id === spanId);
      if (record) record.outcome = 'aborted';
      reject(abortError(signal!.reason));
    };
    const id = run.timer(
      () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      },
      delay,
      [],
      { kind: 'timer', owner: 'learner', label: label ?? `sleep(${delay})` },
    );
    const spanId = run.timerRecords.get(id)?.spanId;
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
