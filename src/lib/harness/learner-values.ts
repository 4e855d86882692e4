/**
 * Values the harness hands learner code or takes back from it: timer
 * handles, simulated fetch Responses, the stop signal of process.exit, and
 * the JSON copy of whatever learner code returns.
 */
import type { Json } from './observation.ts';
import type { Route } from '../exercise/spec.ts';
import { inspect } from './format.ts';
import { real } from './real.ts';

/** Thrown into learner code by process.exit; nothing after it runs. */
export class ExitRequest {
  readonly code: number;
  constructor(code: number) {
    this.code = code;
  }
}

/** What setTimeout returns: a Node-style Timeout that also converts to its number. */
export class TimerHandle {
  readonly id: number;
  readonly #owner: { refresh(handle: TimerHandle): void };
  constructor(id: number, owner: { refresh(handle: TimerHandle): void }) {
    this.id = id;
    this.#owner = owner;
  }
  ref(): this {
    return this;
  }
  unref(): this {
    return this;
  }
  hasRef(): boolean {
    return true;
  }
  refresh(): this {
    this.#owner.refresh(this);
    return this;
  }
  [Symbol.toPrimitive](): number {
    return this.id;
  }
}

export function handleId(handle: unknown): number | undefined {
  if (handle instanceof TimerHandle) return handle.id;
  if (typeof handle === 'number') return handle;
  if (typeof handle === 'string' && /^\d+$/.test(handle)) return Number(handle);
  return undefined;
}


export function makeResponse(url: string, route: Route) {
  let used = false;
  const body = () => {
    if (used) return real.Promise.reject(new TypeError('Body is unusable: Body has already been read'));
    used = true;
    return real.Promise.resolve(route.body);
  };
  return {
    url,
    ok: route.status >= 200 && route.status < 300,
    status: route.status,
    statusText: route.statusText ?? STATUS_TEXT[route.status] ?? '',
    redirected: false,
    headers: new Map([['content-type', route.contentType ?? 'text/plain']]),
    get bodyUsed() {
      return used;
    },
    text: body,
    json: () => body().then((text) => JSON.parse(text)),
  };
}

const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  204: 'No Content',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** A JSON copy of any value a learner returns: errors and functions become readable strings. */
export function toJson(value: unknown, depth = 6): Json {
  if (value === undefined) return null;
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value !== 'object' || depth <= 0) return inspect(value, 0);
  if (value instanceof Error) return { $error: `${value.name}: ${value.message}` };
  if (Array.isArray(value)) return value.slice(0, 1000).map((v) => toJson(v, depth - 1));
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return inspect(value, 1);
  const out: Record<string, Json> = {};
  for (const key of Object.keys(value).slice(0, 200)) out[key] = toJson((value as Record<string, unknown>)[key], depth - 1);
  return out;
}

export function summariseLabels(labels: string[]): string {
  const counts = new Map<string, number>();
  for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
  return [...counts].map(([label, n]) => (n > 1 ? `${label} (×${n})` : label)).join(', ');
}

