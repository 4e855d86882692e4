import {
  allOverlap,
  defineExercise,
  ms,
  noUnhandledRejections,
  nothingFloating,
  spansLabelled,
  type CaseCheck,
  type HarnessApi,
  type Rng,
} from '../../../src/lib/exercise/kit.ts';
import { lockClass } from '../../../src/lib/exercise/lock.ts';

/**
 * A case: an account with a starting balance, and deposits the checker makes
 * all at once (as `Promise.all(amounts.map(deposit))` would). In the
 * `failing` kind, the store refuses one write (the `failWrite`-th, counting
 * from 1) with Error("disk full"): that deposit must reject, and the others
 * must still go through, so the lock has to be released on failure too.
 */
type Case = {
  kind: 'plain' | 'failing';
  title: string;
  start: number;
  amounts: number[];
  verifyMs: number[];
  readMs: number;
  writeMs: number;
  failWrite?: number;
};

const VERIFY = 'verifyDeposit()';
const WAITING = 'waiting for the lock';
/** Check only: how long the checker waits for deposits that may never finish (a lock never released). */
const GIVE_UP_MS = 20_000;

type Access = { t: number; value: number };
type Outcome = { state: 'pending' | 'fulfilled' | 'rejected'; error?: string };

function generated(kind: Case['kind'], rng: Rng): Case {
  const n = rng.int(4, 6);
  const amounts = Array.from({ length: n }, () => rng.int(1, 40) * 5);
  return {
    kind,
    title: kind === 'plain' ? `the generated case (${n} deposits)` : `the generated case with a failing write (${n} deposits)`,
    start: rng.int(10, 90) * 10,
    amounts,
    verifyMs: amounts.map(() => rng.int(10, 30) * 10),
    readMs: rng.int(3, 8) * 10,
    writeMs: rng.int(3, 8) * 10,
    ...(kind === 'failing' ? { failWrite: rng.int(1, n - 1) } : {}),
  };
}

function run(c: Case, h: HarnessApi) {
  let balance = c.start;
  let locks = 0;
  let writes = 0;
  const reads: Access[] = [];
  const written: Access[] = [];
  h.record('locks', 0);
  const helpers = {
    Lock: lockClass(h, () => h.record('locks', ++locks)),
    verifyDeposit: (amount: unknown) => {
      const i = c.amounts.indexOf(Number(amount));
      return h.operation(VERIFY, c.verifyMs[Math.max(0, i)], () => undefined, { detail: `amount ${String(amount)}` });
    },
    readBalance: () =>
      h.operation('readBalance()', c.readMs, () => {
        reads.push({ t: h.now(), value: balance });
        h.record('reads', reads);
        return balance;
      }),
    writeBalance: (value: unknown) => {
      const attempt = ++writes;
      return h.operation('writeBalance()', c.writeMs, () => {
        if (attempt === c.failWrite) throw new Error('disk full');
        balance = Number(value);
        written.push({ t: h.now(), value: balance });
        h.record('writes', written);
        h.record('balance', balance);
      }, { detail: `balance ${String(value)}` });
    },
  };
  h.record('balance', balance);
  const call = (x: { deposit: (amount: number) => unknown }) =>
    new Promise<void>((resolve) => {
      const outcomes: Outcome[] = c.amounts.map(() => ({ state: 'pending' }));
      const finish = () => {
        h.record('outcomes', outcomes);
        if (h.mode === 'run') {
          const expected = c.start + c.amounts.reduce((a, b) => a + b, 0);
          h.log(`balance after ${c.amounts.length} deposits: ${balance} (started at ${c.start}, expected ${expected})`);
        }
        resolve();
      };
      h.record('outcomes', outcomes);
      const all = c.amounts.map((amount, i) =>
        Promise.resolve(x.deposit(amount)).then(
          () => void (outcomes[i] = { state: 'fulfilled' }),
          (error: unknown) => void (outcomes[i] = { state: 'rejected', error: String((error as Error)?.message ?? error) }),
        ),
      );
      void Promise.all(all).then(finish);
      if (h.mode === 'check') h.harnessTimeout(finish, GIVE_UP_MS, 'the checker stops waiting');
    });
  return { helpers, call };
}

const outcomesOf = (o: { record: Record<string, unknown> }) => (o.record.outcomes as Outcome[] | undefined) ?? [];

/** The final balance the deposits that went through add up to. */
function expectedBalance(c: Case, outcomes: Outcome[]): number {
  return c.start + c.amounts.reduce((sum, a, i) => sum + (outcomes[i]?.state === 'fulfilled' ? a : 0), 0);
}

function allDoneCheck(): CaseCheck<Case> {
  return {
    id: 'every-deposit-settles',
    title: 'Every deposit finishes; a failed write makes its deposit reject, and only that one',
    verify: (o, c) => {
      const outcomes = outcomesOf(o);
      const stuck = outcomes.filter((r) => r.state === 'pending').length;
      if (stuck) {
        const waiting = spansLabelled(o, WAITING).filter((s) => s.end === null).length;
        return (
          `${stuck} of ${c.amounts.length} deposits never finished${waiting ? `: ${waiting} ${waiting === 1 ? 'was' : 'were'} still waiting for the lock` : ''}. ` +
          (c.kind === 'failing'
            ? 'A write failed, and the deposit that held the lock never released it. Release it in a `finally` block, so it is released whatever happens.'
            : 'Every acquire() needs a release() once the update is done.')
        );
      }
      const rejected = outcomes.map((r, i) => ({ ...r, i })).filter((r) => r.state === 'rejected');
      if (c.kind === 'plain' && rejected.length) {
        return `The deposit of ${c.amounts[rejected[0].i]} rejected with "${rejected[0].error}". Nothing fails in this case.`;
      }
      if (c.kind === 'failing') {
        if (rejected.length === 0) {
          return 'One write failed with "disk full", yet every deposit reported success. Let the error reach the caller: catch it only to release the lock (a `finally` does that), not to hide it.';
        }
        if (rejected.length > 1) {
          return `${rejected.length} deposits rejected, but only one write failed. The others should go through once the lock is free.`;
        }
        if (!/disk full/.test(rejected[0].error ?? '')) return `The failed deposit rejected with "${rejected[0].error}" instead of the store's error, "disk full".`;
      }
      return undefined;
    },
  };
}

function noLostUpdateCheck(): CaseCheck<Case> {
  return {
    id: 'no-lost-update',
    title: 'No deposit is lost: the final balance counts every deposit that went through',
    verify: (o, c) => {
      const outcomes = outcomesOf(o);
      const want = expectedBalance(c, outcomes);
      const got = Number(o.record.balance);
      if (got === want) return undefined;
      const reads = (o.record.reads as Access[] | undefined) ?? [];
      const writes = (o.record.writes as Access[] | undefined) ?? [];
      const locks = Number(o.record.locks ?? 0);
      const firstWrite = writes[0]?.t ?? Infinity;
      const stale = reads.filter((r) => r.t < firstWrite);
      const why =
        stale.length > 1
          ? `${stale.length} deposits read the balance (${stale[0].value}) before any of them had written, so each wrote ${stale[0].value} plus its own amount, and each write wiped out the one before. `
          : 'A deposit read the balance, and before it wrote, another deposit changed it: its write then put back an old balance plus its own amount. ';
      const fix =
        locks > 1
          ? `Your code made ${locks} locks, one per call, so no two deposits ever waited for the same one. Create one Lock outside deposit and share it.`
          : locks === 1
            ? 'The lock must be held from before the read until after the write: anything outside it can interleave.'
            : 'Between the read and the write there is an `await`, and other deposits run there. Hold a Lock from before the read until after the write.';
      return `The balance ended at ${got}, but it should be ${want}. ${why}${fix}`;
    },
  };
}

function verifyOverlapsCheck(): CaseCheck<Case> {
  return {
    id: 'checks-run-together',
    title: 'The deposit checks still run at the same time: the lock covers only the read and the write',
    verify: (o) => {
      const checks = spansLabelled(o, VERIFY);
      if (checks.length === 0) return 'verifyDeposit was never called. Each deposit is checked first: `await verifyDeposit(amount)`.';
      if (allOverlap(checks)) return undefined;
      return (
        `The verifyDeposit calls ran one after another (the last started at ${ms(Math.max(...checks.map((s) => s.start)))}), although they don't touch the balance. ` +
        'Hold the lock only around the read and the write, so the tasks wait for each other as little as possible.'
      );
    },
  };
}

const EXAMPLE: Case = { kind: 'plain', title: 'the example', start: 100, amounts: [30, 50, 20], verifyMs: [200, 200, 200], readMs: 50, writeMs: 50 };

export default defineExercise({
  exports: { deposit: 'function' },
  example: EXAMPLE,
  cases: {
    'three-deposits': () => ({ ...EXAMPLE, title: 'the case of three deposits' }),
    generated: (rng) => generated('plain', rng),
    'failing-write': (rng) => generated('failing', rng),
  },
  where: (c) => `In ${c.title}`,
  setup: (c, h) => run(c, h),
  checks: [allDoneCheck(), noLostUpdateCheck(), verifyOverlapsCheck(), nothingFloating('deposit'), noUnhandledRejections()],
});
