import {
  defineExercise,
  elapsed,
  kindOf,
  ms,
  noUnhandledRejections,
  nothingFloating,
  peakConcurrency,
  type CaseCheck,
  type Rng,
  type ScenarioObservation,
  type Route,
  type Span,
} from '../../../src/lib/exercise/kit.ts';

/**
 * A case: the URLs `crawl` is given, how each server answers, the limit and
 * the per-request timeout. A page whose latency is past the timeout never
 * answers in time ("hangs"): the request must be aborted at the timeout.
 * Everything the judge compares against (bodies, statuses, the pool's
 * elapsed time) is in the case, rebuilt from the seed.
 */
type Page = { url: string; status: number; latency: number; body: string };
type Case = { title: string; pages: Page[]; limit: number; timeoutMs: number; poolMs: number };

/** A server that never answers within any timeout the cases use. */
const HANG_MS = 10_000;
const SLACK_MS = 20;
const SAYS_TIMEOUT = /time[ds]?[ -]?out|abort/i;

const hangs = (p: Page, c: Case) => p.latency > c.timeoutMs;
/** How long a request occupies its slot: until its answer, or until it is aborted at the timeout. */
const slotMs = (p: Page, c: Pick<Case, 'timeoutMs'>) => Math.min(p.latency, c.timeoutMs);

/** A pool of `limit` slots taking the URLs in order, each as soon as a slot is free. */
function poolTime(durations: number[], limit: number): number {
  const free = new Array<number>(Math.max(1, limit)).fill(0);
  let end = 0;
  for (const d of durations) {
    let slot = 0;
    for (let s = 1; s < free.length; s++) if (free[s] < free[slot]) slot = s;
    free[slot] += d;
    end = Math.max(end, free[slot]);
  }
  return end;
}

function batchTime(durations: number[], limit: number): number {
  let total = 0;
  for (let i = 0; i < durations.length; i += limit) total += Math.max(...durations.slice(i, i + limit));
  return total;
}

function makeCase(title: string, pages: Page[], limit: number, timeoutMs: number): Case {
  const c = { title, pages, limit, timeoutMs, poolMs: 0 };
  c.poolMs = poolTime(pages.map((p) => slotMs(p, c)), limit);
  return c;
}

const url = (site: string, n: number) => `https://${site}.example/page/${n}`;

function generated(rng: Rng): Case {
  for (;;) {
    const site = rng.pick(['docs', 'shop', 'news', 'wiki', 'blog']);
    const n = rng.int(7, 11);
    const limit = rng.int(2, 3);
    const timeoutMs = rng.int(30, 60) * 10;
    const pages: Page[] = Array.from({ length: n }, (_, i) => ({
      url: url(site, i + 1),
      status: 200,
      latency: rng.int(5, Math.floor(timeoutMs / 10) - 5) * 10,
      body: `${site} page ${i + 1} ${rng.token(4)}`,
    }));
    // One or two servers that hang, and one or two that answer with an error.
    const hung = rng.int(1, 2);
    const broken = rng.int(1, 2);
    // A Fisher-Yates shuffle: the same in every engine (a random comparator for sort is not).
    const order = pages.map((_, i) => i);
    for (let i = order.length - 1; i > 0; i--) {
      const j = rng.int(0, i);
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const i of order.slice(0, hung)) pages[i] = { ...pages[i], latency: HANG_MS };
    for (const i of order.slice(hung, hung + broken)) pages[i] = { ...pages[i], status: rng.pick([404, 500, 503]) };
    const c = makeCase(`the generated crawl (${n} pages, limit ${limit}, timeout ${ms(timeoutMs)})`, pages, limit, timeoutMs);
    const durations = pages.map((p) => slotMs(p, c));
    if (batchTime(durations, limit) - c.poolMs >= 60) return c;
  }
}

function fixedPages(site: string, tag: (n: number) => string): Page[] {
  const spec: Array<[number, number]> = [
    [200, 200],
    [200, 300],
    [404, 100],
    [200, HANG_MS],
    [200, 150],
    [500, 250],
    [200, 100],
  ];
  return spec.map(([status, latency], i) => ({ url: url(site, i + 1), status, latency, body: `${site} page ${i + 1}${tag(i)}` }));
}

// ── reading an observation ─────────────────────────────────────────────────

const requests = (o: ScenarioObservation, c: Case): Span[] => o.spans.filter((s) => s.kind === 'fetch' && c.pages.some((p) => p.url === s.label));
const name = (c: Case, u: string) => `page ${c.pages.findIndex((p) => p.url === u) + 1}`;

type Entry = { url?: unknown; ok?: unknown; body?: unknown; reason?: unknown };

function reportCheck(): CaseCheck<Case> {
  return {
    id: 'report',
    title: 'Resolves to one entry per URL, in the order given: the body of each page that loaded, ok: false for each that failed',
    verify: (o, c) => {
      if (o.settled.state === 'rejected') {
        const { name: n, message } = o.settled.error;
        return `crawl rejected with ${n}: ${message}. One failed page must not sink the crawl: wait for every request with Promise.allSettled (or catch each one) and report the failures.`;
      }
      if (o.settled.state !== 'fulfilled') return 'crawl never finished.';
      const report = o.settled.value;
      if (!Array.isArray(report)) return `crawl resolved to ${kindOf(report, 'a string')}, not an array with one entry per URL.`;
      if (report.length !== c.pages.length) return `crawl resolved to ${report.length} entries for ${c.pages.length} URLs. Report every URL once, whether it loaded or not.`;
      for (let i = 0; i < c.pages.length; i++) {
        const page = c.pages[i];
        const entry = (report[i] ?? {}) as Entry;
        if (entry.url !== page.url) {
          const at = report.findIndex((e) => (e as Entry)?.url === page.url);
          return at >= 0
            ? `Entry ${i} is for ${name(c, String((entry as Entry).url))}, not ${name(c, page.url)}: the report is in the order the requests finished. Keep the order of urls (store each result at its index).`
            : `Entry ${i} has url ${JSON.stringify(entry.url ?? null)}; it should be ${page.url}. Put the URL in every entry.`;
        }
        const failed = page.status >= 400 || hangs(page, c);
        if (!failed) {
          if (entry.ok !== true) return `${page.url} loaded (status ${page.status}), but its entry says ok: ${JSON.stringify(entry.ok ?? null)}.${typeof entry.reason === 'string' ? ` Reason given: ${entry.reason}` : ''}`;
          if (entry.body !== page.body) return `The entry for ${page.url} doesn't hold the page's body. Use what \`await response.text()\` gives you.`;
        } else if (entry.ok !== false) {
          return hangs(page, c)
            ? `${page.url} never answers within the ${ms(c.timeoutMs)} timeout, yet its entry says ok. Abort the request at the timeout and report it as failed.`
            : `${page.url} answered ${page.status}, yet its entry says ok. fetch resolves for HTTP errors too: check response.ok and treat a failure status as a failure.`;
        }
      }
      return undefined;
    },
  };
}

function reasonsCheck(): CaseCheck<Case> {
  return {
    id: 'reasons',
    title: 'Each failure says why: the HTTP status, or that the request timed out',
    verify: (o, c) => {
      const report = o.settled.state === 'fulfilled' && Array.isArray(o.settled.value) ? (o.settled.value as Entry[]) : [];
      for (const [i, page] of c.pages.entries()) {
        const entry = report[i];
        if (!entry || entry.ok !== false) continue;
        const reason = typeof entry.reason === 'string' ? entry.reason : '';
        if (!reason) return `The entry for ${page.url} has no reason. Give each failure a reason: the error's message.`;
        if (hangs(page, c) && !SAYS_TIMEOUT.test(reason)) return `${page.url} timed out, but its reason, "${reason}", doesn't say so.`;
        if (page.status >= 400 && !reason.includes(String(page.status))) {
          return `${page.url} answered ${page.status}, but its reason, "${reason}", doesn't name the status. Throw an error such as \`HTTP ${page.status} for \${url}\`.`;
        }
      }
      return undefined;
    },
  };
}

function eachOnceCheck(): CaseCheck<Case> {
  return {
    id: 'each-once',
    title: 'Requests each URL exactly once',
    verify: (o, c) => {
      const spans = requests(o, c);
      for (const page of c.pages) {
        const n = spans.filter((s) => s.label === page.url).length;
        if (n === 0) return `${page.url} was never requested. Every URL needs its request.`;
        if (n > 1) return `${page.url} was requested ${n} times. Request each URL once (a retry is not part of this task).`;
      }
      return undefined;
    },
  };
}

function limitCheck(): CaseCheck<Case> {
  return {
    id: 'within-limit',
    title: 'Never more than `limit` requests in flight, and `limit` of them at once when there is work waiting',
    verify: (o, c) => {
      const spans = requests(o, c);
      const peak = peakConcurrency(spans);
      if (peak > c.limit) {
        return (
          `${peak} requests were in flight at once, but the limit is ${c.limit}.` +
          (peak >= c.pages.length ? ' Every request started at the same moment: an unbounded Promise.all/allSettled over urls.map(…).' : '') +
          ' Start a request only when a slot is free.'
        );
      }
      if (spans.length > 0 && peak < c.limit) {
        return peak === 1
          ? `Only one request was in flight at a time, but the limit is ${c.limit}: the crawl went one URL after another. Keep ${c.limit} going.`
          : `At most ${peak} requests were in flight at once, but the limit is ${c.limit}: use every slot.`;
      }
      return undefined;
    },
  };
}

function cancelsCheck(): CaseCheck<Case> {
  return {
    id: 'cancels-slow',
    title: 'A request that takes too long is aborted at its timeout',
    verify: (o, c) => {
      for (const page of c.pages.filter((p) => hangs(p, c))) {
        const span = requests(o, c).find((s) => s.label === page.url);
        if (!span) continue;
        const deadline = span.start + c.timeoutMs;
        if (span.outcome === 'aborted') {
          const at = span.end ?? Infinity;
          if (at < deadline - SLACK_MS) return `The request for ${page.url} was aborted at ${ms(at)}, ${ms(deadline - at)} before its ${ms(c.timeoutMs)} were up. Start each request's timeout when that request starts.`;
          if (at > deadline + SLACK_MS) return `The request for ${page.url} started at ${ms(span.start)} and was aborted only at ${ms(at)}; its timeout was ${ms(c.timeoutMs)}. Give each request its own timeout, started with the request.`;
          continue;
        }
        const end = span.end === null ? 'was still running when crawl finished' : `ran on until ${ms(span.end)}`;
        return (
          `The request for ${page.url} ${end}, although its ${ms(c.timeoutMs)} were up at ${ms(deadline)}. ` +
          'Giving up on the wait is not enough: pass fetch a signal, { signal: AbortSignal.timeout(timeoutMs) } or your own controller\'s, so the request itself stops.'
        );
      }
      return undefined;
    },
  };
}

function poolCheck(): CaseCheck<Case> {
  return {
    id: 'pool',
    title: 'Finishes as soon as a pool of `limit` slots can: a free slot takes the next URL at once',
    verify: (o, c) => {
      const took = elapsed(o);
      if (took === undefined) return 'crawl never finished.';
      if (Math.abs(took - c.poolMs) <= SLACK_MS) return undefined;
      if (took < c.poolMs) return `crawl finished at ${ms(took)}, before every request had finished or timed out (${ms(c.poolMs)}). Wait for all of them.`;
      return (
        `crawl took ${ms(took)}; a pool of ${c.limit} slots, each taking the next URL as soon as it is free, finishes in ${ms(c.poolMs)}. ` +
        'Fixed batches wait for their slowest request (here, one that times out) while the other slots stand empty.'
      );
    },
  };
}

const EXAMPLE = makeCase('the example', fixedPages('shop', () => ''), 2, 500);

export default defineExercise({
  exports: { crawl: 'function' },
  example: EXAMPLE,
  cases: {
    'seven-pages': (rng) => makeCase('the crawl of seven pages (limit 2, timeout 500 ms)', fixedPages('shop', () => ` ${rng.token(4)}`), 2, 500),
    generated,
  },
  where: (c) => `In ${c.title}`,
  setup: (c, h) => {
    const routes: Record<string, Route> = {};
    for (const p of c.pages) routes[p.url] = { status: p.status, latency: p.latency, body: p.status >= 400 ? 'error' : p.body };
    h.routes(routes);
    return { call: (x) => x.crawl([...c.pages.map((p) => p.url)], { limit: c.limit, timeoutMs: c.timeoutMs }) };
  },
  show: (report, h) => {
    for (const entry of Array.isArray(report) ? (report as Entry[]) : []) {
      h.log(entry?.ok === true ? `ok      ${String(entry.url)}` : `failed  ${String(entry?.url)}: ${String(entry?.reason)}`);
    }
  },
  checks: [reportCheck(), reasonsCheck(), eachOnceCheck(), limitCheck(), cancelsCheck(), poolCheck(), nothingFloating('crawl'), noUnhandledRejections()],
});
