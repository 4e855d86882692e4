/**
 * The run supervisor every runtime shares, driven by hand: the timers are
 * manual and each "run" is a script of messages, so nothing here races a
 * wall clock.
 */
import { describe, expect, test } from 'vitest';
import { supervise, type Attempt } from '../src/lib/runtime/supervisor.ts';
import type { Observation } from '../src/lib/harness/observation.ts';
import { budgetMessage } from '../src/lib/harness/stopped.ts';

function manualTimers() {
  const pending = new Map<number, { fn: () => void; ms: number }>();
  let next = 1;
  let clock = 0;
  return {
    now: () => clock,
    /** Moves the supervisor's notion of real time on, without firing anything. */
    pass: (ms: number) => void (clock += ms),
    set: (fn: () => void, ms: number) => {
      const id = next++;
      pending.set(id, { fn, ms });
      return id;
    },
    clear: (id: unknown) => void pending.delete(id as number),
    /** The delays of the timers now armed. */
    armed: () => [...pending.values()].map((p) => p.ms),
    fireAll: () => {
      const due = [...pending.values()];
      pending.clear();
      due.forEach((p) => p.fn());
    },
  };
}

const tick = () => new Promise((r) => setTimeout(r, 0));
const run = { exercise: 'first-coroutine', mode: 'check' as const, seed: 1, budgetMs: 3000 };
const done = (errors: Observation['scenarios'][0]['errors'] = []): Observation => ({
  ...run,
  scenarios: [
    {
      scenario: 'main',
      mode: 'check',
      params: null,
      logs: [],
      droppedLines: 0,
      outputTruncated: false,
      spans: [],
      errors,
      settled: { state: 'fulfilled', at: 0, seq: 1, value: null },
      pendingAtSettle: [],
      totalTime: 0,
      record: {},
    },
  ],
});

function harness(mode: 'run' | 'check' = 'check') {
  const timers = manualTimers();
  const attempts: Attempt[] = [];
  const killed: number[] = [];
  const streamed: string[] = [];
  const supervised = supervise({
    run: { ...run, mode },
    startupLimitMs: 60_000,
    startupMessage: 'never started',
    killSlackMs: 250,
    timers,
    onLogs: (_s, lines) => streamed.push(...lines.map((l) => l.text)),
    launch: (attempt) => {
      attempts.push(attempt);
      return { kill: () => killed.push(attempt.number) };
    },
  });
  return { timers, attempts, killed, streamed, supervised };
}

const line = (text: string, seq: number) => ({ t: 0, stream: 'log' as const, text, phase: 'sync' as const, seq });

describe('run supervisor', () => {
  test('until the run reports it started, only the startup limit is armed; the budget starts then', async () => {
    const h = harness();
    await tick();
    expect(h.timers.armed()).toEqual([60_000]);
    h.attempts[0].receive({ type: 'started' });
    expect(h.timers.armed()).toEqual([3250]);
  });

  test('a run that never starts is reported as such, not as a runaway', async () => {
    const h = harness();
    await tick();
    h.timers.fireAll();
    const observation = await h.supervised.result;
    expect(observation.scenarios[0].errors[0]).toEqual({ kind: 'internal', message: 'never started' });
    expect(h.killed).toEqual([1]);
  });

  test('under Check, a kill at the budget is retried once with three times the time, then called a runaway with the learner budget', async () => {
    const h = harness();
    await tick();
    h.attempts[0].receive({ type: 'started' });
    h.attempts[0].receive({ type: 'scenario', scenario: 'main' });
    h.attempts[0].receive({ type: 'logs', scenario: 'main', lines: [line('Starting', 1)] });
    h.timers.fireAll();
    await tick();
    expect(h.attempts.map((a) => a.deadlineMs)).toEqual([3000, 9000]);
    expect(h.attempts[0].over).toBe(true);
    // Messages from the first try no longer count.
    h.attempts[0].receive({ type: 'done', observation: done() });
    h.attempts[1].receive({ type: 'started' });
    expect(h.timers.armed()).toEqual([9250]);
    h.attempts[1].receive({ type: 'scenario', scenario: 'main' });
    h.attempts[1].receive({ type: 'logs', scenario: 'main', lines: [line('Starting', 1)] });
    h.timers.fireAll();
    const observation = await h.supervised.result;
    expect(observation.scenarios[0].errors[0]).toEqual({ kind: 'budget', message: budgetMessage(3000) });
    expect(observation.scenarios[0].logs.map((l) => l.text)).toEqual(['Starting']);
    expect(h.streamed).toEqual(['Starting']);
    expect(h.killed).toEqual([1, 2]);
  });

  test('a retry that finishes in time gives its own observation', async () => {
    const h = harness();
    await tick();
    h.attempts[0].receive({ type: 'started' });
    h.timers.fireAll();
    await tick();
    h.attempts[1].receive({ type: 'started' });
    h.attempts[1].receive({ type: 'done', observation: done() });
    expect((await h.supervised.result).scenarios[0].errors).toEqual([]);
  });

  test("the harness's own deadline in the first try is retried too; a virtual limit is not", async () => {
    const h = harness();
    await tick();
    h.attempts[0].receive({ type: 'started' });
    h.attempts[0].receive({ type: 'done', observation: done([{ kind: 'budget', message: budgetMessage(3000), t: 5 }]) });
    await tick();
    expect(h.attempts).toHaveLength(2);

    const other = harness();
    await tick();
    other.attempts[0].receive({ type: 'started' });
    const limit = done([{ kind: 'virtual-limit', message: 'main had not finished', t: 120_000 }]);
    other.attempts[0].receive({ type: 'done', observation: limit });
    expect(await other.supervised.result).toBe(limit);
    expect(other.attempts).toHaveLength(1);
  });

  test('a run whose event loop still turns under its own deadline is not killed at the budget: a busy machine only slows it', async () => {
    const h = harness();
    await tick();
    h.attempts[0].receive({ type: 'started' });
    h.timers.pass(3250);
    h.attempts[0].receive({ type: 'alive', usedMs: 1200 });
    h.timers.fireAll();
    expect(h.killed).toEqual([]);
    expect(h.timers.armed()).toEqual([1000]);
    h.attempts[0].receive({ type: 'done', observation: done() });
    expect((await h.supervised.result).scenarios[0].errors).toEqual([]);
  });

  test('a run that stopped reporting (stuck in synchronous code) is killed at the budget', async () => {
    const h = harness('run');
    await tick();
    h.attempts[0].receive({ type: 'started' });
    h.attempts[0].receive({ type: 'alive', usedMs: 100 });
    h.timers.pass(3250);
    h.timers.fireAll();
    expect(h.killed).toEqual([1]);
    expect((await h.supervised.result).scenarios[0].errors[0].message).toBe(budgetMessage(3000));
  });

  test('under Run, the budget stops the run at once (no verdict hangs on it)', async () => {
    const h = harness('run');
    await tick();
    h.attempts[0].receive({ type: 'started' });
    h.timers.fireAll();
    const observation = await h.supervised.result;
    expect(h.attempts).toHaveLength(1);
    expect(observation.scenarios[0].errors[0].message).toBe(budgetMessage(3000));
  });

  test('stop() ends the run with what was printed, and later messages are ignored', async () => {
    const h = harness();
    await tick();
    h.attempts[0].receive({ type: 'started' });
    h.attempts[0].receive({ type: 'scenario', scenario: 'main' });
    h.attempts[0].receive({ type: 'logs', scenario: 'main', lines: [line('one', 1)] });
    h.supervised.stop();
    h.attempts[0].receive({ type: 'done', observation: done() });
    const observation = await h.supervised.result;
    expect(observation.scenarios[0]).toMatchObject({ scenario: 'main', errors: [{ kind: 'budget', message: 'You stopped the run.' }] });
    expect(observation.scenarios[0].logs.map((l) => l.text)).toEqual(['one']);
  });

  test('a crash reported by the host ends the run with its message', async () => {
    const h = harness();
    await tick();
    h.attempts[0].receive({ type: 'started' });
    h.attempts[0].fail({ kind: 'internal', message: 'The run crashed: boom' });
    expect((await h.supervised.result).scenarios[0].errors[0]).toEqual({ kind: 'internal', message: 'The run crashed: boom' });
  });
});
