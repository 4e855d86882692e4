import {
  allOverlap,
  type HarnessApi,
  defineExercise,
  shown,
  elapsed,
  ms,
  nothingFloating,
  quoteList,
  spansLabelled,
  unhandledRejections,
  type CaseVerdict,
  type Json,
  type Rng,
  type ScenarioObservation,
} from '../../../src/lib/exercise/kit.ts';

/** One op as the judge sees it: how long it takes and how it ends. */
interface OpParams {
  name: string;
  ms: number;
  ok: boolean;
  /** Resolved value (ok) or rejection message (failed). */
  value: string;
}

const EXAMPLE: OpParams[] = [
  { name: 'a', ms: 300, ok: true, value: 'A' },
  { name: 'b', ms: 100, ok: false, value: 'disk full' },
  { name: 'c', ms: 200, ok: true, value: 'C' },
  { name: 'd', ms: 500, ok: false, value: 'timed out' },
];

const NAMES = ['users', 'orders', 'cache', 'mail', 'search', 'billing', 'avatars', 'reports'];
const MESSAGES = ['connection reset', 'quota exceeded', 'permission denied', 'not found', 'service unavailable'];
const TOLERANCE_MS = 20;

/**
 * A generated case: 4 to 7 ops with distinct, uneven latencies, at least one
 * success and one failure, values nobody can guess. Same seed, same case.
 */
function generated(rng: Rng): OpParams[] {
  const random = rng.next;
  const pick = <T>(items: T[]) => items.splice(Math.floor(random() * items.length), 1)[0];
  const names = [...NAMES];
  const latencies = Array.from({ length: 60 }, (_, i) => 40 + i * 10);
  const count = 4 + Math.floor(random() * 4);
  const ops: OpParams[] = [];
  for (let i = 0; i < count; i++) {
    const name = pick(names);
    const ok = i === 0 ? true : i === 1 ? false : random() < 0.5;
    const token = rng.token(5);
    ops.push({ name, ms: pick(latencies), ok, value: ok ? `${name} #${token}` : MESSAGES[Math.floor(random() * MESSAGES.length)] });
  }
  // Shuffle so the guaranteed success and failure are not always first.
  for (let i = ops.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [ops[i], ops[j]] = [ops[j], ops[i]];
  }
  return ops;
}

/** A case: the ops runAll is given, in order. */
type Case = { example: boolean; ops: OpParams[] };

/** The ops handed to runAll: each counts its calls and shows on the timeline under its name. */
function makeOps({ ops }: Case, h: HarnessApi) {
  const calls: Record<string, number> = Object.fromEntries(ops.map((op) => [op.name, 0]));
  h.record('calls', calls);
  return ops.map((op) => ({
    name: op.name,
    run: () => {
      calls[op.name]++;
      h.record('calls', calls);
      return h.operation(`${op.name}.run()`, op.ms, () => {
        if (!op.ok) throw new Error(op.value);
        return op.value;
      });
    },
  }));
}

// ── reading the observation ───────────────────────────────────────────────

type Outcome = { name: string; ok: boolean; value?: Json; error?: Json };

const where = (c: Case) => (c.example ? 'With the example ops' : `In a generated case (${c.ops.length} ops)`);

/** What a value is, without quoting it (values carry seeded tokens, and messages must not). */
function describe(value: Json): string {
  if (value === null) return 'nothing (undefined)';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'object') return `an object with the keys ${Object.keys(value).join(', ') || '(none)'}`;
  return `a ${typeof value}`;
}

/** The outcomes runAll returned, or why there aren't any to judge. */
function outcomesOf(o: ScenarioObservation, c: Case): { outcomes: Outcome[] } | { problem: string } {
  const s = o.settled;
  if (s.state === 'rejected') {
    return {
      problem:
        `runAll rejected with "${s.error.message}" instead of returning an outcome for every op. ` +
        'Promise.all (like asyncio.gather) rejects as soon as one op fails: catch each op on its own, or use Promise.allSettled.',
    };
  }
  if (s.state !== 'fulfilled') return { problem: 'runAll never finished.' };
  const value = s.value;
  const firstDone = Math.min(...c.ops.map((op) => op.ms));
  if (s.at < firstDone && o.pendingAtSettle.length) {
    return {
      problem:
        `runAll returned at ${ms(s.at)}, before any op had settled (the first one takes ${ms(firstDone)}), so there was nothing to report yet. ` +
        'Did you start the ops from forEach, which never waits for an async callback, or forget an `await`?',
    };
  }
  if (!Array.isArray(value)) return { problem: `runAll returned ${describe(value)}, not an array of outcomes.` };
  const outcomes: Outcome[] = [];
  for (const item of value) {
    if (!item || typeof item !== 'object' || Array.isArray(item) || typeof item.name !== 'string' || typeof item.ok !== 'boolean') {
      return { problem: `runAll returned ${describe(item)} among its outcomes; each must be an object like { name, ok: true, value } or { name, ok: false, error }.` };
    }
    outcomes.push({ name: item.name, ok: item.ok, value: item.value, error: item.error });
  }
  const given = new Set(c.ops.map((op) => op.name));
  const strangers = outcomes.filter((x) => !given.has(x.name)).map((x) => x.name);
  if (strangers.length && strangers.length === outcomes.length) {
    return {
      problem:
        `The outcomes name ops that were not passed in (${quoteList(strangers)}), while the ops were ${quoteList([...given])}. ` +
        'Is the answer written for the example only? Build each outcome from the op you were given: its name, and what its run() did.',
    };
  }
  return { outcomes };
}

/** Reads runAll's outcomes, then `each` judges them; a case with no outcomes to read fails with why. */
function withOutcomes(each: (c: Case, outcomes: Outcome[]) => CaseVerdict) {
  return (o: ScenarioObservation, c: Case): CaseVerdict => {
    const read = outcomesOf(o, c);
    return 'problem' in read ? read.problem : each(c, read.outcomes);
  };
}

const byLatency = (ops: OpParams[]) => [...ops].sort((x, y) => x.ms - y.ms).map((op) => op.name);

// ── the spec ──────────────────────────────────────────────────────────────

const EXAMPLE_CASE: Case = { example: true, ops: EXAMPLE };
const generatedCase = (rng: Rng): Case => ({ example: false, ops: generated(rng) });

export default defineExercise({
  mustFulfil: true,
  exports: { runAll: 'function' },
  example: EXAMPLE_CASE,
  // The example from the task, then two generated cases.
  cases: { example: () => EXAMPLE_CASE, 'generated 1': generatedCase, 'generated 2': generatedCase },
  where,
  setup: (c, h) => {
    // runAll gets the very op objects that count their calls.
    const ops = makeOps(c, h);
    return { call: (x) => x.runAll(ops) };
  },
  show: (value, h) => {
    if (!Array.isArray(value)) return;
    for (const x of value) h.log(`${x?.name}: ${x?.ok ? `ok, ${shown(x.value, 1, [x])}` : `failed, ${shown(x?.error, 1, [x])}`}`);
  },
  checks: [
    {
      id: 'no-unhandled-rejection',
      title: 'No rejection goes unhandled, during runAll or after it',
      verify: (o) => {
        const found = unhandledRejections(o);
        if (found.length === 0) return undefined;
        return (
          `A rejection had nobody handling it at ${ms(found[0].t)}: ${found[0].message.replace(/^Unhandled promise rejection: /, '').replace(/ \(line.*$/, '')}. ` +
            'Node stops the program for this. If you start every op first and then await them one at a time, an op that fails ' +
            'while you are still waiting for an earlier one has no handler yet. Attach the handling as you start each op ' +
            '(`op.run().then(…, …)` or `async` + try/catch inside map), or use Promise.allSettled.'
        );
      },
    },
    {
      id: 'failures-reported',
      title: 'Every failure is reported with its exact message',
      verify: withOutcomes((c, outcomes) => {
        for (const op of c.ops.filter((x) => !x.ok)) {
          const got = outcomes.find((x) => x.name === op.name);
          const what = `"${op.name}" failed with "${op.value}"`;
          if (!got) return `${what}, but there is no outcome for it. Was the error swallowed by an empty catch? Report it as { name, ok: false, error }.`;
          if (got.ok) return `${what}, but its outcome says ok: true.`;
          if (got.error === op.value) continue;
          if (typeof got.error === 'string' && got.error.includes(op.value)) {
            return `${what}, but its error is "${got.error}". Report just the rejection's message: use err.message (String(err) and template strings add the error's name).`;
          }
          const owner = c.ops.find((x) => !x.ok && x.value === got.error);
          if (owner) return `${what}, but its error is "${owner.value}", which was "${owner.name}"'s error. Each op's outcome must carry its own rejection's message.`;
          return `${what}, but its error is ${got.error === undefined ? 'missing' : describe(got.error)}. The error should be the rejection's message, err.message, as a string.`;
        }
        return undefined;
      }),
    },
    {
      id: 'successes-kept',
      title: 'Every success is kept, with its value',
      verify: withOutcomes((c, outcomes) => {
        const failed = c.ops.filter((x) => !x.ok);
        for (const op of c.ops.filter((x) => x.ok)) {
          const got = outcomes.find((x) => x.name === op.name);
          const what = `"${op.name}" succeeded after ${ms(op.ms)}`;
          if (!got) return `${what}, but there is no outcome for it. Every op gets one outcome, success or failure.`;
          if (!got.ok) {
            const borrowed = failed.find((f) => f.value === got.error);
            return borrowed && borrowed.name !== op.name
              ? `${what}, but its outcome says it failed with "${got.error}", which was "${borrowed.name}"'s error. ` +
                  'Promise.all rejects as soon as one op fails and forgets the rest: handle each op on its own, or use Promise.allSettled.'
              : `${what}, but its outcome says ok: false.`;
          }
          if (got.value !== op.value) return `${what}, but its outcome's value is not the string its run() resolved to. Keep that value as it is.`;
        }
        return undefined;
      }),
    },
    {
      id: 'input-order',
      title: 'One outcome per op, in the order the ops were given',
      verify: withOutcomes((c, outcomes) => {
        const expected = c.ops.map((op) => op.name);
        const actual = outcomes.map((x) => x.name);
        if (JSON.stringify(actual) === JSON.stringify(expected)) return undefined;
        if (JSON.stringify(actual) === JSON.stringify(byLatency(c.ops))) {
          return (
            `The outcomes came back in the order the ops finished (${actual.join(', ')}), not the order they were given (${expected.join(', ')}). ` +
            'Pushing into an array as each op settles gives completion order: use the index (map over the ops), as Promise.all and allSettled do.'
          );
        }
        if (actual.length !== expected.length) return `runAll returned ${actual.length} outcomes for ${expected.length} ops; there must be exactly one per op.`;
        return `The outcomes are for ${actual.join(', ')}, but the ops were given as ${expected.join(', ')}: one outcome per op, in that order.`;
      }),
    },
    {
      id: 'each-op-once',
      title: "Each op's run() is called exactly once",
      verify: (o, c) => {
        const calls = (o.record.calls ?? {}) as Record<string, number>;
        for (const op of c.ops) {
          const n = calls[op.name] ?? 0;
          if (n === 1) continue;
          return (
            n === 0
              ? `"${op.name}".run() was never called: every op must actually run.`
              : `"${op.name}".run() was called ${n} times. Call it once and keep that promise.`
          );
        }
        return undefined;
      },
    },
    {
      id: 'overlap',
      title: 'The ops run at the same time, so runAll takes about as long as the slowest',
      verify: (o, c) => {
        const slowest = Math.max(...c.ops.map((op) => op.ms));
        const took = elapsed(o)!;
        const spans = spansLabelled(o, /\.run\(\)$/);
        if (allOverlap(spans) && Math.abs(took - slowest) <= TOLERANCE_MS) return undefined;
        const sum = c.ops.reduce((total, op) => total + op.ms, 0);
        if (took > slowest + TOLERANCE_MS && !allOverlap(spans)) {
          return (
            `runAll took ${ms(took)}, expected about ${ms(slowest)} (the slowest op)${took >= sum - TOLERANCE_MS ? `; ${ms(sum)} is all of them added up` : ''}: ` +
              'the ops ran one after another. Are you awaiting each op inside the loop before starting the next? Start them all, then wait for all of them.'
          );
        }
        if (took < slowest) {
          return `runAll finished at ${ms(took)}, before its slowest op (${ms(slowest)}) had settled: it must wait for every op.`;
        }
        return `runAll took ${ms(took)}, expected about ${ms(slowest)}, the time of the slowest op.`;
      },
    },
    nothingFloating('runAll'),
  ],
});
