import { shown, defineExercise, elapsed, forCases, kindOf, mismatch, ms, nothingFloating, noUnhandledRejections, type Json, type Route, type Rng, type ScenarioObservation } from '../../../src/lib/exercise/kit.ts';

/**
 * fetchAll(urls) against the harness's simulated fetch. Two cases from the
 * contract (A: all 200; B: one 404), plus seeded cases with uneven latencies
 * and one with a server error, so an answer fitted to the example fails.
 * Under Check every body carries a seeded token, so copied text fails too.
 */

interface Endpoint {
  url: string;
  status: number;
  latency: number;
  /** What the server sends. */
  body: string;
}
interface Case {
  /** Every URL answers 200, or one of them fails. */
  kind: 'ok' | 'error';
  endpoints: Endpoint[];
}
type OkCase = Case & { kind: 'ok' };
type ErrorCase = Case & { kind: 'error' };
const isOk = (c: Case): c is OkCase => c.kind === 'ok';
const isError = (c: Case): c is ErrorCase => c.kind === 'error';

const TOLERANCE_MS = 50;

const STATUS_TEXT: Record<number, string> = { 200: 'OK', 403: 'Forbidden', 404: 'Not Found', 500: 'Internal Server Error', 503: 'Service Unavailable' };
const exampleBody = (url: string) => `user ${url.split('/').pop()}`;

/** Endpoints at `base` + 1, 2, …; ok bodies carry a token when `token` is given (Check), none for Run. */
function users(latencies: number[], statuses: number[], base: string, token?: () => string): Endpoint[] {
  return latencies.map((latency, i) => {
    const url = `${base}${i + 1}`;
    const status = statuses[i];
    const ok = status >= 200 && status < 300;
    const body = !ok ? `error page: ${status} ${STATUS_TEXT[status]}` : token ? `${exampleBody(url)} (rev ${token()})` : exampleBody(url);
    return { url, status, latency, body };
  });
}
const allOk = (latencies: number[]) => latencies.map(() => 200);

/** Distinct, uneven latencies whose finishing order is never the input order. */
function latencies(rng: Rng, n: number): number[] {
  const out: number[] = [];
  while (out.length < n) {
    const latency = 50 + rng.int(0, 115) * 10; // 50..1200 ms
    if (!out.includes(latency)) out.push(latency);
  }
  if (out.every((v, i) => i === 0 || out[i - 1] < v)) [out[0], out[1]] = [out[1], out[0]];
  return out;
}

function generatedOk(rng: Rng, base: string): Case {
  const l = latencies(rng, rng.int(4, 6));
  return { kind: 'ok', endpoints: users(l, allOk(l), base, () => rng.token(5)) };
}

function generatedError(rng: Rng): Case {
  const l = latencies(rng, 4);
  const bad = rng.int(1, 3);
  const status = rng.pick([500, 503, 403]);
  return { kind: 'error', endpoints: users(l, l.map((_, i) => (i === bad ? status : 200)), 'https://shop.example.com/orders/', () => rng.token(5)) };
}

const A_LATENCIES = [300, 800, 100];
const B = { latencies: [300, 100, 200], statuses: [200, 404, 200], base: 'https://api.example.com/posts/' };
const USERS = 'https://api.example.com/users/';

const EXAMPLE: Case = { kind: 'ok', endpoints: users(A_LATENCIES, allOk(A_LATENCIES), USERS) };

// ── reading an observation ─────────────────────────────────────────────────

const requests = (o: ScenarioObservation, url: string) => o.spans.filter((s) => s.kind === 'fetch' && s.label === url).length;
const failing = (c: Case) => c.endpoints.find((e) => e.status >= 400)!;

/** Names a returned item by the URL whose body it is, without quoting seeded text. */
function nameOf(value: Json, c: Case): string {
  for (const { url, body } of c.endpoints) if (value === body) return `the body of ${url}`;
  if (typeof value === 'string' && /^user \d+$/.test(value)) return `the example's text "${value}"`;
  if (value && typeof value === 'object' && !Array.isArray(value) && 'status' in value) return 'a Response object (read its body with `await response.text()`)';
  return kindOf(value, 'a string none of the URLs sent');
}

export default defineExercise({
  exports: { fetchAll: 'function' },
  example: EXAMPLE,
  cases: {
    'three-users': (rng): Case => ({ kind: 'ok', endpoints: users(A_LATENCIES, allOk(A_LATENCIES), USERS, () => rng.token(5)) }),
    'one-404': (rng): Case => ({ kind: 'error', endpoints: users(B.latencies, B.statuses, B.base, () => rng.token(5)) }),
    'generated-1': (rng) => generatedOk(rng, 'https://shop.example.com/items/'),
    'generated-2': (rng) => generatedOk(rng, 'https://news.example.org/stories/'),
    'generated-error': generatedError,
  },
  /** "With 3 URLs (users/1 300 ms, users/2 800 ms, …)": names the case by its latencies (no tokens). */
  where: (c) => {
    const list = c.endpoints.map((e) => `${e.url.split('/').slice(-2).join('/')} ${ms(e.latency)}${e.status === 200 ? '' : ` → ${e.status}`}`);
    return `With ${list.length} URLs (${list.join(', ')})`;
  },
  setup: (c: Case, h) => {
    const routes: Record<string, Route> = {};
    for (const e of c.endpoints) routes[e.url] = { status: e.status, latency: e.latency, body: e.body, statusText: STATUS_TEXT[e.status] };
    h.routes(routes);
    return { call: (x) => x.fetchAll(c.endpoints.map((e) => e.url)) };
  },
  show: (bodies, h) => h.log(`fetchAll resolved to ${shown(bodies)}`),
  checks: [
    {
      id: 'one-request-per-url',
      title: 'Requests each URL exactly once',
      verify: (o, c) => {
        for (const { url } of c.endpoints) {
          const n = requests(o, url);
          if (n > 1) {
            return (
              `${url} was requested ${n} times. Fetch each URL once: calling fetch again (to read the body, or to retry) sends another request.`
            );
          }
          // After an error, stopping early is fine: only the all-200 cases need every URL.
          if (n === 0 && c.kind === 'ok') {
            return `${url} was never requested. fetchAll must call fetch once for every URL it is given.`;
          }
        }
        return undefined;
      },
    },
    forCases(isOk, {
      id: 'in-order',
      title: 'Resolves to the bodies in the order of the URLs, whatever order they arrive in',
      verify: (o, c) => {
        const endpoints = c.endpoints;
        const expected = endpoints.map((e) => `the body of ${e.url}`);
        if (o.settled.state === 'rejected') {
          const { name: errorName, message } = o.settled.error;
          const hint = errorName === 'SyntaxError' ? ' The bodies are plain text: read them with `response.text()`, not `response.json()`.' : '';
          return `fetchAll rejected with ${errorName}: ${message}, but every URL answered 200.${hint}`;
        }
        if (o.settled.state !== 'fulfilled') return 'fetchAll never finished.';
        const value = o.settled.value;
        if (!Array.isArray(value)) return `fetchAll resolved to ${nameOf(value, c)}, not an array of bodies.`;
        const actual = value.map((v) => nameOf(v, c));
        if (JSON.stringify(actual) === JSON.stringify(expected)) return undefined;
        const arrival = [...endpoints].sort((a, b) => a.latency - b.latency).map((e) => `the body of ${e.url}`);
        let why: string;
        if (JSON.stringify(actual) === JSON.stringify(arrival)) {
          why =
            'They are in the order the responses arrived, fastest first, not the order of `urls`. ' +
            'Promise.all resolves to its results in the order of the promises you pass it, whatever order they settle in.';
        } else if (actual.some((a) => a.startsWith("the example's text"))) {
          why = "It contains the example's text: the check's servers send different bodies on every run, so return what they send, not text copied from the example.";
        } else if (value.length !== endpoints.length) {
          why = `It has ${value.length} item${value.length === 1 ? '' : 's'} for ${endpoints.length} URLs.`;
        } else {
          const k = actual.findIndex((a, i) => a !== expected[i]);
          why = `Item ${k + 1} is ${actual[k]}; it should be ${expected[k]}.`;
        }
        return mismatch(`The result isn't the bodies in input order. ${why}`, expected, actual);
        return undefined;
      },
    }),
    forCases(isOk, {
      id: 'elapsed',
      title: 'Takes about as long as the slowest response, not the sum of all of them',
      verify: (o, c) => {
        const endpoints = c.endpoints;
        const slowest = Math.max(...endpoints.map((e) => e.latency));
        const fastest = Math.min(...endpoints.map((e) => e.latency));
        const sum = endpoints.reduce((t, e) => t + e.latency, 0);
        const took = elapsed(o)!;
        if (Math.abs(took - slowest) <= TOLERANCE_MS) return undefined;
        const head = `fetchAll took ${ms(took)}, expected about ${ms(slowest)} (the slowest response).`;
        if (took > slowest && Math.abs(took - sum) <= TOLERANCE_MS) {
          return `${head} That is the sum of all the latencies: the requests ran one after another — are you awaiting fetch inside the loop?`;
        }
        if (took > slowest) return `${head} Some requests waited for others before they started: start every fetch first, then await them together.`;
        if (took < fastest) {
          return (`${head} It finished before even the fastest response (${ms(fastest)}) arrived, so it waited for none of them. Is an \`await\` missing, or are the requests started from forEach, which doesn't wait for an async callback?`);
        }
        return `${head} It stopped waiting while some responses were still on their way. Does it use Promise.race, or await only some of the requests? Both stop early; Promise.all waits for every one.`;
        return undefined;
      },
    }),
    forCases(isError, {
      id: 'http-error',
      title: 'Rejects with an Error naming the status and the URL when a response is not ok',
      verify: (o, c) => {
        const bad = failing(c);
        const answer = `${bad.status} ${STATUS_TEXT[bad.status]}`;
        if (o.settled.state === 'fulfilled') {
          const value = o.settled.value;
          let why: string;
          if (Array.isArray(value) && value.includes(bad.body)) {
            why = "Its error page came back as if it were data. fetch resolves even for HTTP errors: check `response.ok` (or `response.status`) and throw.";
          } else if (o.logs.some((l) => l.text.includes(String(bad.status)))) {
            why = 'You logged it, but the caller still got a normal result and can\'t tell anything failed: throw instead of logging and going on.';
          } else if (Array.isArray(value) && value.length === c.endpoints.length) {
            // One item per URL: the failed request's answer went on as data (its body transformed, or the Response itself).
            why = `It resolved with ${value.length} items, one for each URL, so the failed request's answer was passed on as if it were data. fetch resolves even for HTTP errors: check \`response.ok\` (or \`response.status\`) and throw.`;
          } else {
            // Fewer items (or none): the failure became a placeholder; whether a catch did it is not observed, so ask.
            why =
              `It resolved with ${Array.isArray(value) ? (value.length ? `${value.length} item${value.length === 1 ? '' : 's'} for ${c.endpoints.length} URLs` : 'an empty list') : kindOf(value, 'a string')}, so the failure became a normal result. ` +
              'Is there an empty `catch {}`, or a catch that returns a placeholder? Let the error propagate (or rethrow it).';
          }
          return `fetchAll resolved although ${bad.url} answered ${answer}. ${why} The error should name the status and the URL.`;
        }
        if (o.settled.state !== 'rejected') return 'fetchAll never finished.';
        const { name: errorName, message } = o.settled.error;
        if (['string', 'undefined', 'null', 'object', 'number'].includes(errorName)) {
          return (`fetchAll rejected with ${message}. Throw an Error (\`throw new Error(…)\`), so the caller gets a message and a stack trace.`);
        }
        const missing = [message.includes(String(bad.status)) ? '' : `the status (${bad.status})`, message.includes(bad.url) ? '' : `the URL (${bad.url})`].filter(Boolean);
        if (missing.length) {
          return (
            `fetchAll rejected with "${errorName}: ${message}", which doesn't name ${missing.join(' or ')}. ` +
              `Say which request failed and how, e.g. \`${answer} for ${bad.url}\`.`
          );
        }
        return undefined;
      },
    }),
    noUnhandledRejections(
      'A promise that rejects while nobody is awaiting it — a forEach callback, or a request you await only after an earlier one — has no handler: ' +
        'await all the requests together with Promise.all instead of one by one.',
    ),
    forCases(isOk, nothingFloating('fetchAll')),
  ],
});
