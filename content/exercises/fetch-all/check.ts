import {
  defineCheck,
  elapsed,
  fail,
  mulberry32,
  ms,
  nothingFloating,
  pass,
  unhandledRejections,
  type HarnessApi,
  type Json,
  type Route,
  type Scenario,
  type ScenarioObservation,
} from '../../../src/lib/exercise/check-kit.ts';

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
}
interface Params {
  [key: string]: Json;
  kind: 'ok' | 'error';
  endpoints: Endpoint[] & Json;
}

const TOLERANCE_MS = 50;
const OK_CASES = ['three-users', 'generated-1', 'generated-2'];
const ERROR_CASES = ['one-404', 'generated-error'];
const ALL_CASES = [...OK_CASES, ...ERROR_CASES];

const STATUS_TEXT: Record<number, string> = { 200: 'OK', 403: 'Forbidden', 404: 'Not Found', 500: 'Internal Server Error', 503: 'Service Unavailable' };
const exampleBody = (url: string) => `user ${url.split('/').pop()}`;

function helpers(endpoints: Endpoint[]) {
  return (h: HarnessApi) => {
    const routes: Record<string, Route> = {};
    const bodies: Record<string, string> = {};
    for (const e of endpoints) {
      const ok = e.status >= 200 && e.status < 300;
      const body = !ok ? `error page: ${e.status} ${STATUS_TEXT[e.status]}` : h.mode === 'run' ? exampleBody(e.url) : `${exampleBody(e.url)} (rev ${h.token()})`;
      bodies[e.url] = body;
      routes[e.url] = { status: e.status, latency: e.latency, body, statusText: STATUS_TEXT[e.status] };
    }
    h.routes(routes);
    h.record('bodies', bodies);
    return { sleep: (delay: number, signal?: AbortSignal) => h.sleep(delay, signal) };
  };
}

function scenario(name: string, kind: Params['kind'], endpoints: Endpoint[]): Scenario {
  const params: Params = { kind, endpoints: endpoints as Endpoint[] & Json };
  return {
    name,
    params,
    helpers: helpers(endpoints),
    drive: (exports) => (exports.fetchAll as (urls: string[]) => unknown)(endpoints.map((e) => e.url)),
  };
}

const users = (latencies: number[], statuses: number[] = latencies.map(() => 200), base = 'https://api.example.com/users/') =>
  latencies.map((latency, i) => ({ url: `${base}${i + 1}`, status: statuses[i], latency }));

/** Distinct, uneven latencies whose finishing order is never the input order. */
function latencies(random: () => number, n: number): number[] {
  const out: number[] = [];
  while (out.length < n) {
    const latency = 50 + Math.floor(random() * 116) * 10; // 50..1200 ms
    if (!out.includes(latency)) out.push(latency);
  }
  if (out.every((v, i) => i === 0 || out[i - 1] < v)) [out[0], out[1]] = [out[1], out[0]];
  return out;
}

function generated(seed: number): Scenario[] {
  const random = mulberry32(seed ^ 0xfe7c4a11);
  const size = () => 4 + Math.floor(random() * 3);
  const one = latencies(random, size());
  const two = latencies(random, size());
  const withError = latencies(random, 4);
  const bad = 1 + Math.floor(random() * 3);
  const status = [500, 503, 403][Math.floor(random() * 3)];
  return [
    scenario('generated-1', 'ok', users(one, undefined, 'https://shop.example.com/items/')),
    scenario('generated-2', 'ok', users(two, undefined, 'https://news.example.org/stories/')),
    scenario('generated-error', 'error', users(withError, withError.map((_, i) => (i === bad ? status : 200)), 'https://shop.example.com/orders/')),
  ];
}

const CASE_A = users([300, 800, 100]);
const CASE_B = users([300, 100, 200], [200, 404, 200], 'https://api.example.com/posts/');

// ── reading an observation ─────────────────────────────────────────────────

const paramsOf = (o: ScenarioObservation) => o.params as unknown as Params;
const requests = (o: ScenarioObservation, url: string) => o.spans.filter((s) => s.kind === 'fetch' && s.label === url).length;
const failing = (o: ScenarioObservation) => paramsOf(o).endpoints.find((e) => e.status >= 400)!;

/** "In the case [users/1 300 ms, users/2 800 ms, …]: " — names the case by its latencies (no tokens). */
function where(o: ScenarioObservation): string {
  const list = paramsOf(o).endpoints.map((e) => `${e.url.split('/').slice(-2).join('/')} ${ms(e.latency)}${e.status === 200 ? '' : ` → ${e.status}`}`);
  return `With ${list.length} URLs (${list.join(', ')}): `;
}

/** Names a returned item by the URL whose body it is, without quoting seeded text. */
function nameOf(value: Json, o: ScenarioObservation): string {
  const bodies = o.record.bodies as Record<string, string>;
  for (const [url, body] of Object.entries(bodies)) if (value === body) return `the body of ${url}`;
  if (typeof value === 'string' && /^user \d+$/.test(value)) return `the example's text "${value}"`;
  if (typeof value === 'string' && value.startsWith('Promise')) return 'a Promise (not awaited)';
  if (value && typeof value === 'object' && !Array.isArray(value) && 'status' in value) return 'a Response object (read its body with `await response.text()`)';
  if (value === null) return 'undefined';
  if (value === '') return 'an empty string';
  if (typeof value === 'string') return 'a string none of the URLs sent';
  return `a ${Array.isArray(value) ? 'list' : typeof value}`;
}

export default defineCheck({
  exports: { fetchAll: 'function' },
  run: {
    name: 'run',
    helpers: helpers(CASE_A),
    drive: async (exports, h) => {
      const bodies = await (exports.fetchAll as (urls: string[]) => Promise<unknown>)(CASE_A.map((e) => e.url));
      h.log(`fetchAll resolved to ${JSON.stringify(bodies)}`);
      return bodies;
    },
  },
  scenarios: (seed) => [scenario('three-users', 'ok', CASE_A), scenario('one-404', 'error', CASE_B), ...generated(seed)],
  checks: [
    {
      id: 'one-request-per-url',
      title: 'Requests each URL exactly once',
      scenarios: ALL_CASES,
      verify: (ctx) => {
        for (const name of ALL_CASES) {
          const o = ctx.scenario(name);
          for (const { url } of paramsOf(o).endpoints) {
            const n = requests(o, url);
            if (n > 1) {
              return fail(
                `${where(o)}${url} was requested ${n} times. Fetch each URL once: calling fetch again (to read the body, or to retry) sends another request.`,
              );
            }
            // After an error, stopping early is fine: only the all-200 cases need every URL.
            if (n === 0 && paramsOf(o).kind === 'ok') {
              return fail(`${where(o)}${url} was never requested. fetchAll must call fetch once for every URL it is given.`);
            }
          }
        }
        return pass();
      },
    },
    {
      id: 'in-order',
      title: 'Resolves to the bodies in the order of the URLs, whatever order they arrive in',
      scenarios: OK_CASES,
      verify: (ctx) => {
        for (const name of OK_CASES) {
          const o = ctx.scenario(name);
          const endpoints = paramsOf(o).endpoints;
          const expected = endpoints.map((e) => `the body of ${e.url}`);
          if (o.settled.state === 'rejected') {
            const { name: errorName, message } = o.settled.error;
            const hint = errorName === 'SyntaxError' ? ' The bodies are plain text: read them with `response.text()`, not `response.json()`.' : '';
            return fail(`${where(o)}fetchAll rejected with ${errorName}: ${message}, but every URL answered 200.${hint}`);
          }
          if (o.settled.state !== 'fulfilled') return fail('fetchAll never finished.');
          const value = o.settled.value;
          if (!Array.isArray(value)) return fail(`${where(o)}fetchAll resolved to ${nameOf(value, o)}, not an array of bodies.`);
          const actual = value.map((v) => nameOf(v, o));
          if (JSON.stringify(actual) === JSON.stringify(expected)) continue;
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
          return fail(`${where(o)}the result isn't the bodies in input order. ${why}`, expected, actual);
        }
        return pass();
      },
    },
    {
      id: 'elapsed',
      title: 'Takes about as long as the slowest response, not the sum of all of them',
      scenarios: OK_CASES,
      verify: (ctx) => {
        for (const name of OK_CASES) {
          const o = ctx.scenario(name);
          const endpoints = paramsOf(o).endpoints;
          const slowest = Math.max(...endpoints.map((e) => e.latency));
          const fastest = Math.min(...endpoints.map((e) => e.latency));
          const sum = endpoints.reduce((t, e) => t + e.latency, 0);
          const took = elapsed(o)!;
          if (Math.abs(took - slowest) <= TOLERANCE_MS) continue;
          const head = `${where(o)}fetchAll took ${ms(took)}, expected about ${ms(slowest)} (the slowest response).`;
          if (took > slowest && Math.abs(took - sum) <= TOLERANCE_MS) {
            return fail(`${head} That is the sum of all the latencies: the requests ran one after another — are you awaiting fetch inside the loop?`);
          }
          if (took > slowest) return fail(`${head} Some requests waited for others before they started: start every fetch first, then await them together.`);
          if (took < fastest) {
            return fail(`${head} It finished before even the fastest response (${ms(fastest)}) arrived, so nothing was awaited: a missing \`await\`, or forEach with an async callback, which doesn't wait.`);
          }
          return fail(`${head} It stopped waiting while some responses were still on their way: Promise.race, or awaiting only some of the requests, stops early. Promise.all waits for every one.`);
        }
        return pass();
      },
    },
    {
      id: 'http-error',
      title: 'Rejects with an Error naming the status and the URL when a response is not ok',
      scenarios: ERROR_CASES,
      verify: (ctx) => {
        for (const name of ERROR_CASES) {
          const o = ctx.scenario(name);
          const bad = failing(o);
          const answer = `${bad.status} ${STATUS_TEXT[bad.status]}`;
          if (o.settled.state === 'fulfilled') {
            const value = o.settled.value;
            const bodies = o.record.bodies as Record<string, string>;
            let why: string;
            if (Array.isArray(value) && value.includes(bodies[bad.url])) {
              why = "Its error page came back as if it were data. fetch resolves even for HTTP errors: check `response.ok` (or `response.status`) and throw.";
            } else if (o.logs.some((l) => l.text.includes(String(bad.status)))) {
              why = 'You logged it, but the caller still got a normal result and can\'t tell anything failed: throw instead of logging and going on.';
            } else {
              why = 'Something swallowed the error: an empty `catch {}`, or a catch that returns a placeholder, hides it. Let it propagate (or rethrow it).';
            }
            return fail(`${where(o)}fetchAll resolved although ${bad.url} answered ${answer}. ${why} The error should name the status and the URL.`);
          }
          if (o.settled.state !== 'rejected') return fail('fetchAll never finished.');
          const { name: errorName, message } = o.settled.error;
          if (['string', 'undefined', 'null', 'object', 'number'].includes(errorName)) {
            return fail(`${where(o)}fetchAll rejected with ${message}. Throw an Error (\`throw new Error(…)\`), so the caller gets a message and a stack trace.`);
          }
          const missing = [message.includes(String(bad.status)) ? '' : `the status (${bad.status})`, message.includes(bad.url) ? '' : `the URL (${bad.url})`].filter(Boolean);
          if (missing.length) {
            return fail(
              `${where(o)}fetchAll rejected with "${errorName}: ${message}", which doesn't name ${missing.join(' or ')}. ` +
                `Say which request failed and how, e.g. \`${answer} for ${bad.url}\`.`,
            );
          }
        }
        return pass();
      },
    },
    {
      id: 'no-unhandled-rejection',
      title: 'No promise rejection goes unhandled',
      scenarios: ALL_CASES,
      verify: (ctx) => {
        for (const name of ALL_CASES) {
          const o = ctx.scenario(name);
          const found = unhandledRejections(o);
          if (found.length) {
            return fail(
              `${where(o)}${found[0].message} at ${ms(found[0].t)}. In Node this crashes the program. ` +
                'A promise that rejects while nobody is awaiting it — a forEach callback, or a request you await only after an earlier one — has no handler: ' +
                'await all the requests together with Promise.all instead of one by one.',
            );
          }
        }
        return pass();
      },
    },
    nothingFloating(OK_CASES, 'fetchAll'),
  ],
});
