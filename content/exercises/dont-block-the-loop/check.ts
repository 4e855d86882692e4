import { jsonShown, shown, defineExercise, groupLabels, mismatch, ms, nothingFloating, peakConcurrency, type HarnessApi, type ScenarioObservation } from '../../../src/lib/exercise/kit.ts';

const HEARTBEAT_MS = 50;
const MAX_GAP_MS = 150;
const EXAMPLE_LIMIT = 2000;

/** How many primes p with 2 ≤ p < limit: the judge's own answer (a sieve). */
function primesBelow(limit: number): number {
  const composite = new Uint8Array(Math.max(limit, 2));
  let count = 0;
  for (let n = 2; n < limit; n++) {
    if (composite[n]) continue;
    count++;
    for (let m = n * n; m < limit; m += n) composite[m] = 1;
  }
  return count;
}

/** Real trial division; each call is charged 1 ms of CPU on the scenario's clock. */
function isPrime(n: number): boolean {
  if (!Number.isInteger(n) || n < 2) return false;
  for (let d = 2; d * d <= n; d++) if (n % d === 0) return false;
  return true;
}

/**
 * The work still going on after countPrimes resolved, in words, or undefined:
 * CPU work (isPrimeSlow) that started after it settled, and the learner's
 * timers still waiting then. Both observed, so the message may say them.
 */
function lateWork(o: ScenarioObservation): string | undefined {
  if (o.settled.state !== 'fulfilled') return undefined;
  const settledSeq = o.settled.seq;
  const cpuAfter = o.spans.filter((s) => s.kind === 'cpu' && s.startSeq > settledSeq).reduce((total, s) => total + (s.ms ?? 0), 0);
  const timers = o.pendingAtSettle.filter((p) => p.kind === 'timer' || p.kind === 'immediate');
  if (cpuAfter === 0 || timers.length === 0) return undefined;
  return (
    `It resolved at ${ms(o.settled.at)} while ${timers.length} of your timers were still waiting (${groupLabels(timers.map((t) => t.label)).join(', ')}), ` +
    `and isPrimeSlow went on being called after it resolved (${Math.round(cpuAfter)} calls): the count was returned before the counting had finished. ` +
    'Does the counting happen in timer callbacks that countPrimes never waits for? Await each pause instead, e.g. `await new Promise((r) => setTimeout(r, 0))`.'
  );
}

/** A case is the limit countPrimes is called with. */
type Case = { limit: number };

/**
 * Starts the harness's heartbeat (a chain of 50 ms timeouts, never counted as
 * the learner's work), then calls countPrimes(limit). Each beat's time goes
 * into record.beats; the chain stops once countPrimes has settled.
 */
function setup({ limit }: Case, h: HarnessApi) {
  let calls = 0;
  const oddPrimes = new Set<number>();
  const isPrimeSlow = (n: number) => {
    h.record('isPrimeSlowCalls', ++calls);
    h.blockFor(1);
    const prime = isPrime(n);
    if (prime && n % 2 === 1 && n < limit && !oddPrimes.has(n)) {
      oddPrimes.add(n);
      h.record('oddPrimesTested', oddPrimes.size);
    }
    return prime;
  };
  h.record('isPrimeSlowCalls', 0);
  h.record('oddPrimesTested', 0);
  return {
    helpers: { isPrimeSlow },
    call: (x: { countPrimes: (limit: number) => unknown }) => {
      const beats: number[] = [];
      let done = false;
      const beat = () => {
        if (done) return;
        const last = beats.at(-1) ?? 0;
        beats.push(h.now());
        h.record('beats', beats);
        if (h.mode === 'run' && h.now() - last > MAX_GAP_MS) h.log(`heartbeat: ${Math.round(h.now() - last)} ms since the last beat`);
        h.harnessTimeout(beat, HEARTBEAT_MS, 'heartbeat');
      };
      h.record('beats', beats);
      h.harnessTimeout(beat, HEARTBEAT_MS, 'heartbeat');
      const result = Promise.resolve(x.countPrimes(limit));
      const stop = () => {
        done = true;
      };
      result.then(
        (value) => {
          stop();
          if (h.mode !== 'run') return;
          const times = [0, ...beats, h.now()];
          const worst = Math.max(...times.slice(1).map((t, i) => t - times[i]));
          h.log(
            `countPrimes(${limit}) returned ${shown(value)} after ${Math.round(h.now())} ms; ` +
              `the heartbeat's longest wait was ${Math.round(worst)} ms (it should beat every ${HEARTBEAT_MS} ms, and never wait more than ${MAX_GAP_MS})`
          );
        },
        stop
      );
      return result;
    },
  };
}

/**
 * A limit the example doesn't cover, from the seed: a prime between 1000 and
 * 1901, so 303 is never right and counting the limit itself (`n <= limit`),
 * which 2000 can't reveal, is caught.
 */
function generatedLimit(random: number): number {
  let limit = 1000 + Math.floor(random * 900);
  while (primesBelow(limit + 1) === primesBelow(limit)) limit++;
  return limit;
}


/** The longest stretch without a heartbeat, from the call until countPrimes settled. */
function longestGap(o: ScenarioObservation): { gap: number; from: number; to: number } {
  const settledAt = o.settled.state === 'pending' ? o.totalTime : o.settled.at;
  const beats = ((o.record.beats ?? []) as number[]).filter((t) => t <= settledAt);
  const points = [0, ...beats, settledAt];
  let worst = { gap: 0, from: 0, to: 0 };
  for (let i = 1; i < points.length; i++) {
    const gap = points[i] - points[i - 1];
    if (gap > worst.gap) worst = { gap, from: points[i - 1], to: points[i] };
  }
  return worst;
}


/** Why the heartbeat starved, read off the timeline. */
function diagnose(o: ScenarioObservation): string {
  const settledAt = o.settled.state === 'pending' ? o.totalTime : o.settled.at;
  const yields = o.spans.filter((s) => s.owner === 'learner' && (s.kind === 'timer' || s.kind === 'interval' || s.kind === 'immediate') && s.start <= settledAt);
  const cpu = o.spans.filter((s) => s.kind === 'cpu').map((s) => (s.end ?? s.start) - s.start);
  const longestCpu = Math.max(0, ...cpu);
  if (yields.length === 0) {
    return (
      'Your code never gave the event loop a turn, so the heartbeat could not run until the counting was over. ' +
      '`async` alone does not help, and `await` on a value that is already there (`await null`, `await Promise.resolve()`) only yields to the microtask queue, which runs before any timer. ' +
      'Every few dozen numbers, wait for a macrotask: `await new Promise((r) => setTimeout(r, 0))` or setImmediate.'
    );
  }
  const unawaited = o.pendingAtSettle.filter((p) => p.kind === 'timer' || p.kind === 'immediate');
  if (unawaited.length) {
    return (
      `Your code created ${yields.length} timers, and ${unawaited.length === yields.length ? 'none' : `${unawaited.length}`} of them had ${unawaited.length === yields.length ? '' : 'not '}fired by the time countPrimes finished: ` +
      'the pauses were never waited for. Creating a promise does not pause anything: is `await` missing in front of it?'
    );
  }
  const peak = peakConcurrency(yields);
  if (peak > 5) {
    return (
      `Your code queued ${yields.length} waits, up to ${peak} of them at the same moment (a Promise.all or map over every number?). ` +
      'They were all due before the next heartbeat, so the heartbeat waited behind every one of them. ' +
      'Work through the numbers in one loop that yields now and then, so only one wait is queued at a time.'
    );
  }
  if (longestCpu > MAX_GAP_MS - HEARTBEAT_MS) {
    return (
      `The longest stretch of CPU work between two yields was ${ms(longestCpu)} (about ${Math.round(longestCpu)} calls of isPrimeSlow). ` +
      `Make the chunks smaller: with a heartbeat every ${HEARTBEAT_MS} ms, yield every 50 numbers or so.`
    );
  }
  return 'Something held the thread between yields; yield to the event loop more often.';
}

export default defineExercise({
  mustFulfil: true,
  exports: { countPrimes: 'function' },
  example: { limit: EXAMPLE_LIMIT },
  cases: { 'limit 2000': () => ({ limit: EXAMPLE_LIMIT }), generated: (rng) => ({ limit: generatedLimit(rng.next()) }) },
  // Each message names the call, countPrimes(limit), which says which case it was.
  where: () => '',
  setup,
  checks: [
    {
      id: 'result',
      title: 'Returns how many primes are below the limit (303 for 2000)',
      verify: (o, { limit }) => {
        const expected = primesBelow(limit);
        const call = `countPrimes(${limit})`;
        if (o.settled.state === 'rejected') return `${call} rejected with "${o.settled.error.message}"; it should resolve to ${expected}.`;
        if (o.settled.state !== 'fulfilled') return `${call} never finished.`;
        const value = o.settled.value;
        if (value === expected) return undefined;
        if (typeof value !== 'number') return `${call} resolved to ${jsonShown(value)}; it should resolve to the number ${expected}.`;
        let why = '';
        const late = lateWork(o);
        if (late) {
          why = ` ${late}`;
        } else if (limit !== EXAMPLE_LIMIT && value === primesBelow(EXAMPLE_LIMIT)) {
          why = ` ${value} is the answer for ${EXAMPLE_LIMIT} only: count the primes below the limit you are given.`;
        } else if (value === primesBelow(limit + 1) && value !== expected) {
          why = ` Is the limit itself counted? Only numbers below it count (2 ≤ p < limit).`;
        } else if (Math.abs(value - expected) === 1) {
          why = ' One off: check where your loop starts and stops (2 ≤ p < limit).';
        } else if (value < expected && Number(o.record.oddPrimesTested ?? 0) < Math.max(0, expected - 1)) {
          // Only when the judge saw isPrimeSlow skip primes below the limit: the count is short because numbers were skipped.
          why = ' Some numbers were never tested with isPrimeSlow: does every chunk pick up where the last one stopped?';
        }
        return mismatch(`${call} resolved to ${value}, expected ${expected}.${why}`, expected, value);
      },
    },
    {
      id: 'heartbeat',
      title: `The heartbeat keeps beating: no gap over ${MAX_GAP_MS} ms while countPrimes runs`,
      verify: (o, { limit }) => {
        const { gap, from, to } = longestGap(o);
        if (gap <= MAX_GAP_MS) return undefined;
        return (
          `countPrimes(${limit}): the heartbeat (every ${HEARTBEAT_MS} ms) went ${ms(gap)} without a beat, from ${ms(from)} to ${ms(to)}; ` +
            `at most ${MAX_GAP_MS} ms is allowed. ${diagnose(o)}`
        );
      },
    },
    {
      id: 'tests-with-isPrimeSlow',
      title: 'Tests the numbers with isPrimeSlow (the CPU work the heartbeat must survive)',
      verify: (o, { limit }) => {
        const oddPrimes = Math.max(0, primesBelow(limit) - 1);
        const tested = Number(o.record.oddPrimesTested ?? 0);
        if (tested >= oddPrimes) return undefined;
        const calls = Number(o.record.isPrimeSlowCalls ?? 0);
        return (
          `countPrimes(${limit}) ${calls === 0 ? 'never called isPrimeSlow' : `called isPrimeSlow ${calls} times, on only ${tested} of the ${oddPrimes} odd primes below the limit`}. ` +
          'The exercise is about heavy CPU work that must not starve the event loop: test each number with isPrimeSlow (1 ms of CPU a call), ' +
          'and give the loop a turn between chunks. A faster algorithm of your own skips the very work the heartbeat has to survive.'
        );
      },
    },
    {
      ...nothingFloating('countPrimes'),
      verify: (o, { limit }) => {
        const interval = o.pendingAtSettle.find((p) => p.kind === 'interval');
        if (interval) {
          return (
            `countPrimes(${limit}) finished, but your ${interval.label} was still running and would go on firing forever. ` +
            'An interval stops only when you call clearInterval with its handle: clear it before you resolve.'
          );
        }
        if (!o.pendingAtSettle.length) return undefined;
        return (
          `When countPrimes(${limit}) finished at ${ms(o.settled.state === 'pending' ? undefined : o.settled.at)}, this was still pending: ` +
          `${groupLabels(o.pendingAtSettle.map((p) => p.label)).join(', ')}. Something was started but never awaited: is an \`await\` missing?`
        );
      },
    },
  ],
});
