import {
  allOverlap,
  defineCheck,
  mulberry32,
  elapsed,
  fail,
  ms,
  nothingFloating,
  pass,
  quoteList,
  spansLabelled,
  unhandledRejections,
  type CheckContext,
  type CheckOutcome,
  type HarnessApi,
  type Json,
  type Scenario,
  type ScenarioObservation,
} from '../../../src/lib/exercise/check-kit.ts';

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
function generated(seed: number): OpParams[] {
  const random = mulberry32(seed);
  const pick = <T>(items: T[]) => items.splice(Math.floor(random() * items.length), 1)[0];
  const names = [...NAMES];
  const latencies = Array.from({ length: 60 }, (_, i) => 40 + i * 10);
  const count = 4 + Math.floor(random() * 4);
  const ops: OpParams[] = [];
  for (let i = 0; i < count; i++) {
    const name = pick(names);
    const ok = i === 0 ? true : i === 1 ? false : random() < 0.5;
    const token = Math.floor(random() * 36 ** 5).toString(36);
    ops.push({ name, ms: pick(latencies), ok, value: ok ? `${name} #${token}` : MESSAGES[Math.floor(random() * MESSAGES.length)] });
  }
  // Shuffle so the guaranteed success and failure are not always first.
  for (let i = ops.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [ops[i], ops[j]] = [ops[j], ops[i]];
  }
  return ops;
}

/** The ops handed to runAll: each counts its calls and shows on the timeline under its name. */
function helpers(ops: OpParams[]) {
  return (h: HarnessApi) => {
    const calls: Record<string, number> = Object.fromEntries(ops.map((op) => [op.name, 0]));
    h.record('calls', calls);
    return {
      sleep: (ms: number, signal?: AbortSignal) => h.sleep(ms, signal),
      ops: ops.map((op) => ({
        name: op.name,
        run: () => {
          calls[op.name]++;
          h.record('calls', calls);
          return h.operation(`${op.name}.run()`, op.ms, () => {
            if (!op.ok) throw new Error(op.value);
            return op.value;
          });
        },
      })),
    };
  };
}

/**
 * drive() needs the very op objects the helpers built (their run() counts
 * calls), so helpers() leaves them here, keyed by the scenario's HarnessApi.
 */
const opsFor = new WeakMap<HarnessApi, unknown[]>();
function scenarioWithOps(name: string, ops: OpParams[], onResult?: (h: HarnessApi, value: unknown) => void): Scenario {
  const build = helpers(ops);
  return {
    name,
    params: { ops: ops as unknown as Json },
    helpers: (h) => {
      const built = build(h);
      opsFor.set(h, built.ops);
      return { sleep: built.sleep };
    },
    drive: (exports, h) => {
      const result = Promise.resolve((exports.runAll as (ops: unknown) => unknown)(opsFor.get(h)!));
      if (onResult) result.then((value) => onResult(h, value), () => undefined);
      return result;
    },
  };
}

const CASE_NAMES = ['example', 'generated 1', 'generated 2'];
/** The example from the task, then two generated cases from the seed. */
const CASES = (seed: number) => CASE_NAMES.map((name, i) => ({ name, ops: i === 0 ? EXAMPLE : generated(seed + i * 7919) }));

// ── reading the observation ───────────────────────────────────────────────

type Outcome = { name: string; ok: boolean; value?: Json; error?: Json };

function opsOf(o: ScenarioObservation): OpParams[] {
  return (o.params as unknown as { ops: OpParams[] }).ops;
}

function where(o: ScenarioObservation): string {
  return o.scenario === 'example' ? 'With the example ops' : `In a generated case (${opsOf(o).length} ops)`;
}

/** What a value is, without quoting it (values carry seeded tokens, and messages must not). */
function describe(value: Json): string {
  if (value === null) return 'nothing (undefined)';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'object') return `an object with the keys ${Object.keys(value).join(', ') || '(none)'}`;
  return `a ${typeof value}`;
}

/** The outcomes runAll returned, or why there aren't any to judge. */
function outcomesOf(o: ScenarioObservation): { outcomes: Outcome[] } | { problem: string } {
  const s = o.settled;
  if (s.state === 'rejected') {
    return {
      problem:
        `${where(o)}, runAll rejected with "${s.error.message}" instead of returning an outcome for every op. ` +
        'Promise.all (like asyncio.gather) rejects as soon as one op fails: catch each op on its own, or use Promise.allSettled.',
    };
  }
  if (s.state !== 'fulfilled') return { problem: 'runAll never finished.' };
  const value = s.value;
  const firstDone = Math.min(...opsOf(o).map((op) => op.ms));
  if (s.at < firstDone && o.pendingAtSettle.length) {
    return {
      problem:
        `${where(o)}, runAll returned at ${ms(s.at)}, before any op had settled (the first one takes ${ms(firstDone)}), so there was nothing to report yet. ` +
        'Did you start the ops from forEach, which never waits for an async callback, or forget an `await`?',
    };
  }
  if (!Array.isArray(value)) return { problem: `${where(o)}, runAll returned ${describe(value)}, not an array of outcomes.` };
  const outcomes: Outcome[] = [];
  for (const item of value) {
    if (!item || typeof item !== 'object' || Array.isArray(item) || typeof item.name !== 'string' || typeof item.ok !== 'boolean') {
      return { problem: `${where(o)}, runAll returned ${describe(item)} among its outcomes; each must be an object like { name, ok: true, value } or { name, ok: false, error }.` };
    }
    outcomes.push(item as unknown as Outcome);
  }
  const given = new Set(opsOf(o).map((op) => op.name));
  const strangers = outcomes.filter((x) => !given.has(x.name)).map((x) => x.name);
  if (strangers.length && strangers.length === outcomes.length) {
    return {
      problem:
        `${where(o)}, the outcomes name ops that were not passed in (${quoteList(strangers)}), while the ops were ${quoteList([...given])}. ` +
        'Is the answer written for the example only? Build each outcome from the op you were given: its name, and what its run() did.',
    };
  }
  return { outcomes };
}

/** Runs `each` on every scenario's outcomes; the first problem found fails the check. */
function everyCase(ctx: CheckContext, each: (o: ScenarioObservation, outcomes: Outcome[]) => string | undefined): CheckOutcome {
  for (const name of CASE_NAMES) {
    const o = ctx.scenario(name);
    const read = outcomesOf(o);
    if ('problem' in read) return fail(read.problem);
    const problem = each(o, read.outcomes);
    if (problem) return fail(`${where(o)}, ${problem}`);
  }
  return pass();
}

const byLatency = (ops: OpParams[]) => [...ops].sort((x, y) => x.ms - y.ms).map((op) => op.name);

// ── the spec ──────────────────────────────────────────────────────────────

export default defineCheck({
  exports: { runAll: 'function' },
  run: scenarioWithOps('run', EXAMPLE, (h, value) => {
    if (!Array.isArray(value)) return;
    for (const x of value as Outcome[]) h.log(`${x?.name}: ${x?.ok ? `ok, ${JSON.stringify(x.value)}` : `failed, ${JSON.stringify(x?.error)}`}`);
  }),
  scenarios: (seed) => CASES(seed).map((c) => scenarioWithOps(c.name, c.ops)),
  checks: [
    {
      id: 'no-unhandled-rejection',
      title: 'No rejection goes unhandled, during runAll or after it',
      scenarios: CASE_NAMES,
      verify: (ctx) => {
        for (const name of CASE_NAMES) {
          const o = ctx.scenario(name);
          const found = unhandledRejections(o);
          if (found.length === 0) continue;
          return fail(
            `${where(o)}, a rejection had nobody handling it at ${ms(found[0].t)}: ${found[0].message.replace(/^Unhandled promise rejection: /, '').replace(/ \(line.*$/, '')}. ` +
              'Node stops the program for this. If you start every op first and then await them one at a time, an op that fails ' +
              'while you are still waiting for an earlier one has no handler yet. Attach the handling as you start each op ' +
              '(`op.run().then(…, …)` or `async` + try/catch inside map), or use Promise.allSettled.',
          );
        }
        return pass();
      },
    },
    {
      id: 'failures-reported',
      title: 'Every failure is reported with its exact message',
      scenarios: CASE_NAMES,
      verify: (ctx) =>
        everyCase(ctx, (o, outcomes) => {
          for (const op of opsOf(o).filter((x) => !x.ok)) {
            const got = outcomes.find((x) => x.name === op.name);
            const what = `"${op.name}" failed with "${op.value}"`;
            if (!got) return `${what}, but there is no outcome for it. Was the error swallowed by an empty catch? Report it as { name, ok: false, error }.`;
            if (got.ok) return `${what}, but its outcome says ok: true.`;
            if (got.error === op.value) continue;
            if (typeof got.error === 'string' && got.error.includes(op.value)) {
              return `${what}, but its error is "${got.error}". Report just the rejection's message: use err.message (String(err) and template strings add the error's name).`;
            }
            const owner = opsOf(o).find((x) => !x.ok && x.value === got.error);
            if (owner) return `${what}, but its error is "${owner.value}", which was "${owner.name}"'s error. Each op's outcome must carry its own rejection's message.`;
            return `${what}, but its error is ${got.error === undefined ? 'missing' : describe(got.error)}. The error should be the rejection's message, err.message, as a string.`;
          }
          return undefined;
        }),
    },
    {
      id: 'successes-kept',
      title: 'Every success is kept, with its value',
      scenarios: CASE_NAMES,
      verify: (ctx) =>
        everyCase(ctx, (o, outcomes) => {
          const failed = opsOf(o).filter((x) => !x.ok);
          for (const op of opsOf(o).filter((x) => x.ok)) {
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
      scenarios: CASE_NAMES,
      verify: (ctx) =>
        everyCase(ctx, (o, outcomes) => {
          const expected = opsOf(o).map((op) => op.name);
          const actual = outcomes.map((x) => x.name);
          if (JSON.stringify(actual) === JSON.stringify(expected)) return undefined;
          if (JSON.stringify(actual) === JSON.stringify(byLatency(opsOf(o)))) {
            return (
              `the outcomes came back in the order the ops finished (${actual.join(', ')}), not the order they were given (${expected.join(', ')}). ` +
              'Pushing into an array as each op settles gives completion order: use the index (map over the ops), as Promise.all and allSettled do.'
            );
          }
          if (actual.length !== expected.length) return `runAll returned ${actual.length} outcomes for ${expected.length} ops; there must be exactly one per op.`;
          return `the outcomes are for ${actual.join(', ')}, but the ops were given as ${expected.join(', ')}: one outcome per op, in that order.`;
        }),
    },
    {
      id: 'each-op-once',
      title: "Each op's run() is called exactly once",
      scenarios: CASE_NAMES,
      verify: (ctx) => {
        for (const name of CASE_NAMES) {
          const o = ctx.scenario(name);
          const calls = (o.record.calls ?? {}) as Record<string, number>;
          for (const op of opsOf(o)) {
            const n = calls[op.name] ?? 0;
            if (n === 1) continue;
            return fail(
              n === 0
                ? `${where(o)}, "${op.name}".run() was never called: every op must actually run.`
                : `${where(o)}, "${op.name}".run() was called ${n} times. Call it once and keep that promise.`,
            );
          }
        }
        return pass();
      },
    },
    {
      id: 'overlap',
      title: 'The ops run at the same time, so runAll takes about as long as the slowest',
      scenarios: CASE_NAMES,
      verify: (ctx) => {
        for (const name of CASE_NAMES) {
          const o = ctx.scenario(name);
          const slowest = Math.max(...opsOf(o).map((op) => op.ms));
          const took = elapsed(o)!;
          const spans = spansLabelled(o, /\.run\(\)$/);
          if (allOverlap(spans) && Math.abs(took - slowest) <= TOLERANCE_MS) continue;
          const sum = opsOf(o).reduce((total, op) => total + op.ms, 0);
          if (took > slowest + TOLERANCE_MS && !allOverlap(spans)) {
            return fail(
              `${where(o)}, runAll took ${ms(took)}, expected about ${ms(slowest)} (the slowest op)${took >= sum - TOLERANCE_MS ? `; ${ms(sum)} is all of them added up` : ''}: ` +
                'the ops ran one after another. Are you awaiting each op inside the loop before starting the next? Start them all, then wait for all of them.',
            );
          }
          if (took < slowest) {
            return fail(`${where(o)}, runAll finished at ${ms(took)}, before its slowest op (${ms(slowest)}) had settled: it must wait for every op.`);
          }
          return fail(`${where(o)}, runAll took ${ms(took)}, expected about ${ms(slowest)}, the time of the slowest op.`);
        }
        return pass();
      },
    },
    nothingFloating(CASE_NAMES, 'runAll'),
  ],
});
