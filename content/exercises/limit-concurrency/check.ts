import {
  defineExercise,
  shown,
  elapsed,
  ms,
  nothingFloating,
  passNote,
  spansLabelled,
  type CaseCheck,
  type HarnessApi,
  type Rng,
  type ScenarioObservation,
  type Span,
} from '../../../src/lib/exercise/kit.ts';
import { forPython } from '../../../src/lib/python/callbacks.ts';

/**
 * One case the checker runs: the items, the limit, how long each job takes,
 * and what fn resolves to for each item. Everything the judge needs to work
 * out the right answer is rebuilt from the seed when judging.
 */
interface JobCase {
  /** Equal jobs show whether all `limit` slots are used and how long it takes; uneven ones tell a pool from batches. */
  kind: 'equal' | 'uneven';
  /** How the case is named in messages. */
  title: string;
  items: number[];
  limit: number;
  latencies: number[];
  /** What fn resolves to for items[i]. */
  results: string[];
  /** Elapsed for a pool of `limit` workers taking items in order. */
  poolMs: number;
  /** Elapsed for fixed batches of `limit`. */
  batchMs: number;
}

const TOLERANCE_MS = 20;

/** Greedy pool: each job starts as soon as any of `limit` workers is free. */
function poolTime(latencies: number[], limit: number): number {
  const free = new Array<number>(Math.max(1, limit)).fill(0);
  let end = 0;
  for (const latency of latencies) {
    let worker = 0;
    for (let w = 1; w < free.length; w++) if (free[w] < free[worker]) worker = w;
    free[worker] += latency;
    end = Math.max(end, free[worker]);
  }
  return end;
}

/** Batches of `limit`: each batch waits for its slowest job. */
function batchTime(latencies: number[], limit: number): number {
  let total = 0;
  for (let i = 0; i < latencies.length; i += limit) total += Math.max(...latencies.slice(i, i + limit));
  return total;
}

function makeCase(kind: JobCase['kind'], title: string, items: number[], limit: number, latencies: number[], tag: (i: number) => string): JobCase {
  return {
    kind,
    title,
    items,
    limit,
    latencies,
    results: items.map((item, i) => `job ${item} done${tag(i)}`),
    poolMs: poolTime(latencies, limit),
    batchMs: batchTime(latencies, limit),
  };
}

/** Results under Check carry a seeded suffix, so an answer that builds the text itself fails. */
const tagger = (rng: Rng) => () => ` #${rng.token(4)}`;

function generatedCase(rng: Rng): JobCase {
  const int = rng.int;
  // Keep drawing until the case tells a pool from batches and completion order from input order.
  for (;;) {
    const n = int(8, 14);
    const limit = int(2, 4);
    const items: number[] = [];
    while (items.length < n) {
      const item = int(10, 99);
      if (!items.includes(item)) items.push(item);
    }
    const latencies = items.map(() => int(2, 40) * 10);
    const pool = poolTime(latencies, limit);
    const batches = batchTime(latencies, limit);
    const sorted = [...latencies].sort((a, b) => a - b);
    const uneven = latencies.some((l, i) => l !== sorted[i]);
    if (batches - pool >= 60 && uneven) {
      return makeCase('uneven', `the generated case (${n} jobs, limit ${limit})`, items, limit, latencies, tagger(rng));
    }
  }
}

const TEN = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
const UNEVEN_MS = [300, 50, 200, 50, 100, 250, 50, 150, 100, 50];

type MapLimit = (items: number[], limit: number, fn: (item: unknown) => Promise<string>) => unknown;

/** How long fn takes for something that is not one of the items. */
const STRANGER_MS = 50;

/** fn counts its calls in flight and per item; each job is an operation on the timeline. */
function callWithJobs(c: JobCase, h: HarnessApi) {
  return (x: { mapLimit: MapLimit }) => {
    const calls = c.items.map(() => 0);
    const strangers: string[] = [];
    let inFlight = 0;
    let peak = 0;
    h.record('calls', calls);
    h.record('peak', 0);
    h.record('strangers', strangers);
    // The same fn in Python (course.py builds it): a coroutine function counted the same way.
    const python = { kind: 'jobs', items: c.items, ms: c.latencies, results: c.results, strangerMs: STRANGER_MS } as const;
    const fn = forPython((item: unknown): Promise<string> => {
      const index = c.items.indexOf(item as number);
      if (index >= 0) calls[index]++;
      else strangers.push(item === undefined ? 'undefined' : JSON.stringify(item) ?? String(item));
      inFlight++;
      peak = Math.max(peak, inFlight);
      h.record('calls', calls);
      h.record('peak', peak);
      h.record('strangers', strangers);
      if (h.mode === 'run') h.log(`start job ${String(item)} (${inFlight} in flight)`);
      const job = h.operation(
        `job ${String(item)}`,
        index >= 0 ? c.latencies[index] : STRANGER_MS,
        () => (index >= 0 ? c.results[index] : `no such item: ${String(item)}`),
        { detail: `items[${index}]` }
      );
      const done = () => {
        inFlight--;
        if (h.mode === 'run') h.log(`finish job ${String(item)}`);
      };
      job.then(done, done);
      return job;
    }, python);
    return x.mapLimit([...c.items], c.limit, fn);
  };
}

// ── reading an observation ─────────────────────────────────────────────────

const jobSpans = (o: ScenarioObservation): Span[] => spansLabelled(o, /^job /);
const list = (indexes: number[]) => (indexes.length > 4 ? `${indexes.slice(0, 4).join(', ')}, …` : indexes.join(', '));

/**
 * A moment when a slot stood empty while a job that was started later was
 * already waiting: a pool never does that, fixed batches do.
 */
function idleSlot(jobs: Span[], limit: number, until: number) {
  const moments = [0, ...jobs.map((s) => s.end).filter((t): t is number => t !== null && t < until)];
  for (const t of [...new Set(moments)].sort((a, b) => a - b)) {
    const running = jobs.filter((s) => s.start <= t && (s.end ?? Infinity) > t).length;
    const later = jobs.filter((s) => s.start > t);
    if (running < limit && later.length > 0) {
      return { at: t, running, waiting: later.length, nextStart: Math.min(...later.map((s) => s.start)) };
    }
  }
  return undefined;
}

function resultsCheck(): CaseCheck<JobCase> {
  return {
    id: 'results',
    title: "Resolves to fn's results, in the order of items",
    verify: (o, c) => {
      if (o.settled.state === 'rejected') {
      return `mapLimit rejected with ${o.settled.error.name}: ${o.settled.error.message}. None of the jobs fail, so it should resolve.`;
      }
      if (o.settled.state !== 'fulfilled') return `mapLimit never finished.`;
      const actual = o.settled.value;
      if (!Array.isArray(actual)) {
      return (`mapLimit resolved to ${actual === null ? 'nothing' : `a ${typeof actual}`}, not an array of results. Return (or resolve to) the array of what fn gave back.`);
      }
      const expected = c.results;
      const missing = expected.map((_, i) => i).filter((i) => actual[i] === null || actual[i] === undefined);
      if (missing.length > 0 && actual.length <= expected.length) {
      const running = o.pendingAtSettle.length;
      return (
        `mapLimit resolved at ${ms(elapsed(o))} with ${expected.length - missing.length} of ${expected.length} results; ` +
          `index ${list(missing)} ${missing.length === 1 ? 'was' : 'were'} still empty${running ? ` and ${running} job${running === 1 ? ' was' : 's were'} still running` : ''}. ` +
          'Wait for every job before returning. Does it use Promise.race (which waits only for the first one), or start jobs from a forEach callback (which is never awaited)?'
      );
      }
      if (actual.length !== expected.length) {
      return `mapLimit resolved to ${actual.length} results for ${expected.length} items. There must be exactly one result per item.`;
      }
      const same = actual.every((v, i) => v === expected[i]);
      if (same) return undefined;
      const sortedActual = [...actual].map(String).sort();
      const sortedExpected = [...expected].sort();
      if (sortedActual.every((v, i) => v === sortedExpected[i])) {
      const first = actual.findIndex((v, i) => v !== expected[i]);
      const belongsTo = expected.indexOf(actual[first] as string);
      return (
        `The results are all there but in the wrong order: result ${first} is the one for items[${belongsTo}] (${c.items[belongsTo]}), not items[${first}] (${c.items[first]}). ` +
          'That is the order the jobs finished in. Store each result at its item\'s index (results[i] = …) instead of pushing it.'
      );
      }
      const first = actual.findIndex((v, i) => v !== expected[i]);
      return (
      `Result ${first} is not what fn resolved to for items[${first}] (${c.items[first]}). ` +
        'Call fn for each item and keep exactly what it resolves to; don\'t build the results yourself.'
      );
    },
  };
}

function withinLimitCheck(): CaseCheck<JobCase> {
  return {
    id: 'within-limit',
    title: 'Never more than `limit` calls of fn in flight',
    verify: (o, c) => {
      const peak = Number(o.record.peak ?? 0);
      if (peak <= c.limit) return undefined;
      const all = peak >= c.items.length;
      return (
      `${peak} calls of fn were in flight at once, but limit is ${c.limit}. ` +
        (all
          ? 'Every job started at the same moment: Promise.all(items.map(fn)) is unbounded. '
          : 'Some job started before a running one had finished. ') +
        'Start a new job only when one of the running ones finishes.'
      );
    },
  };
}

function reachesLimitCheck(): CaseCheck<JobCase> {
  return {
    id: 'reaches-limit',
    title: 'Uses all `limit` slots: that many calls run at once',
    only: (c) => c.kind === 'equal',
    verify: (o, c) => {
      const peak = Number(o.record.peak ?? 0);
      if (peak >= c.limit) return undefined;
      if (peak === 0) return 'fn was never called, so no jobs ran at all. Call fn for each item.';
      if (peak === 1) {
      return (
      `At most ${peak} call of fn was in flight at a time, but limit is ${c.limit}: the jobs ran one after another. ` +
        'Are you awaiting each call inside the loop? Start up to limit jobs before you wait for any of them.'
      );
      }
      return `At most ${peak} calls of fn were in flight at once, but limit is ${c.limit}: start ${c.limit} jobs at the beginning, not ${peak}.`;
    },
  };
}

function elapsedCheck(): CaseCheck<JobCase> {
  return {
    id: 'elapsed',
    title: 'Ten 100 ms jobs with limit 3 take about 400 ms',
    only: (c) => c.kind === 'equal',
    verify: (o, c) => {
      const took = elapsed(o) ?? Infinity;
      const expected = c.poolMs;
      if (Math.abs(took - expected) <= TOLERANCE_MS) return passNote(`Elapsed ${ms(took)}.`);
      const each = c.latencies[0];
      const intro = `Elapsed ${ms(took)}, expected about ${ms(expected)} (ceil(${c.items.length} / ${c.limit}) × ${each} ms)`;
      const sum = c.latencies.reduce((a, b) => a + b, 0);
      if (took >= sum - TOLERANCE_MS) return `${intro}: the jobs ran one after another. Are you awaiting each call inside the loop?`;
      if (took < expected) {
      return `${intro}: more than ${c.limit} jobs must have run at once, or mapLimit returned before they finished.`;
      }
      return `${intro}: some slots stood empty while jobs were waiting to start.`;
    },
  };
}

function eachOnceCheck(): CaseCheck<JobCase> {
  return {
    id: 'each-once',
    title: 'Passes each item to fn exactly once',
    verify: (o, c) => {
      const calls = (o.record.calls as number[] | undefined) ?? c.items.map(() => 0);
      const strangers = (o.record.strangers as string[] | undefined) ?? [];
      if (strangers.length) {
      return (
        `fn was called with ${strangers[0]}, which is not one of the items. ` +
          (strangers[0] === 'undefined' ? 'Is a loop reading past the end of the array (<= instead of <)?' : 'Pass each item itself to fn.')
      );
      }
      const twice = calls.findIndex((n) => n > 1);
      if (twice >= 0) {
      return (
        `items[${twice}] (${c.items[twice]}) was passed to fn ${calls[twice]} times; each item must run exactly once. ` +
          'If several workers share an index, read it and move it on in one step (items[next++]) before any await.'
      );
      }
      const never = calls.map((n, i) => (n === 0 ? i : -1)).filter((i) => i >= 0);
      if (never.length) {
      return `fn was never called for items[${list(never)}]. Every item needs its job run.`;
      }
      return undefined;
    },
  };
}

function poolCheck(): CaseCheck<JobCase> {
  return {
    id: 'pool-not-batches',
    title: 'With uneven jobs, a free slot takes the next job at once (a pool, not batches)',
    only: (c) => c.kind !== 'equal',
    verify: (o, c) => {
      const jobs = jobSpans(o);
      const took = elapsed(o) ?? Infinity;
      if (jobs.length === 0) return `fn was never called, so there was no pool of jobs to time.`;
      const idle = idleSlot(jobs, c.limit, took);
      if (idle) {
      const batches = Math.abs(took - c.batchMs) <= TOLERANCE_MS;
      return (
        `elapsed ${ms(took)}, but a pool of ${c.limit} workers gets through these jobs in ${ms(c.poolMs)}. ` +
          `At ${ms(idle.at)} only ${idle.running} of the ${c.limit} slots ${idle.running === 1 ? 'was' : 'were'} busy while ${idle.waiting} job${idle.waiting === 1 ? ' was' : 's were'} waiting, ` +
          `and the next one started only at ${ms(idle.nextStart)}. ` +
          (batches ? 'Those are fixed batches: each batch waits for its slowest job. ' : '') +
          'A pool starts the next job as soon as any running job finishes.'
      );
      }
      const lastEnd = Math.max(0, ...jobs.map((s) => s.end ?? 0));
      if (took > lastEnd + TOLERANCE_MS) {
      return `the last job finished at ${ms(lastEnd)} but mapLimit only resolved at ${ms(took)}. Resolve as soon as the last job is done.`;
      }
      return undefined;
    },
  };
}

export default defineExercise({
  mustFulfil: true,
  exports: { mapLimit: 'function' },
  example: makeCase('equal', 'the example', TEN, 3, TEN.map(() => 100), () => ''),
  cases: {
    'equal-jobs': (rng) => makeCase('equal', 'the case of 10 jobs of 100 ms with limit 3', TEN, 3, TEN.map(() => 100), tagger(rng)),
    'uneven-jobs': (rng) => makeCase('uneven', 'the case of 10 uneven jobs with limit 3', TEN, 3, UNEVEN_MS, tagger(rng)),
    generated: generatedCase,
  },
  where: (c) => `In ${c.title}`,
  setup: (c, h) => ({ call: callWithJobs(c, h) }),
  show: (results, h) => h.log(`mapLimit resolved to ${shown(results)}`),
  checks: [resultsCheck(), eachOnceCheck(), withinLimitCheck(), reachesLimitCheck(), elapsedCheck(), poolCheck(), nothingFloating('mapLimit')],
});
