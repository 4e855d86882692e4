/**
 * Turns the scenario's event loop until main has settled and its grace period
 * has passed, or the run is stopped (over budget, past the virtual limit).
 */
import type { ScenarioState } from './scenario-state.ts';
import type { VirtualTimers } from './timers.ts';
import { real, realSleep, realTurn } from './real.ts';
import { budgetMessage } from './stopped.ts';
import { summariseLabels } from './learner-values.ts';
import { MAX_TIMER_FIRINGS, VIRTUAL_LIMIT_MS } from './limits.ts';
import { groupDigits } from '../count.ts';

export function driveScenario(run: ScenarioState): Promise<void> {
  return run.timers.virtual ? driveVirtual(run) : driveReal(run);
}

/** Check: fire virtual timers one at a time, with a real event-loop turn before each. */
async function driveVirtual(run: ScenarioState): Promise<void> {
  const timers = run.timers as VirtualTimers;
  for (;;) {
    await realTurn();
    run.rec.flush(false);
    if (run.stopped) return;
    if (run.o.overDeadline()) return overBudget(run);
    const next = timers.clock.nextDue();
    if (next === undefined) return;
    if (run.settled.state !== 'pending') {
      if (next > run.settled.at + run.o.graceMs) return;
    } else if (next > VIRTUAL_LIMIT_MS) {
      return virtualLimit(run, `main had not finished after ${VIRTUAL_LIMIT_MS / 1000} s of simulated time`);
    }
    if (++run.firings > MAX_TIMER_FIRINGS) {
      return virtualLimit(run, `your code fired more than ${groupDigits(MAX_TIMER_FIRINGS)} timers without finishing`);
    }
    timers.clock.fireNext();
  }
}

/** Run: real timers fire themselves; poll until main settles and its timers are done. */
async function driveReal(run: ScenarioState): Promise<void> {
  let idleSince: number | undefined;
  for (;;) {
    await realSleep(5);
    run.rec.flush(false);
    if (run.stopped) return;
    if (run.o.overDeadline()) return overBudget(run);
    const settled = run.settled.state !== 'pending';
    const queued = run.timers.size;
    if (settled && (queued === 0 || run.timers.now() > (run.settled as { at: number }).at + run.o.graceMs)) return;
    if (!settled && queued === 0) {
      // Nothing can wake main up any more; give stray promise jobs a moment, then stop.
      idleSince ??= real.now();
      if (real.now() - idleSince > 50) return;
    } else {
      idleSince = undefined;
    }
  }
}

function overBudget(run: ScenarioState): void {
  run.stopped = true;
  run.rec.errors.push({ kind: 'budget', message: budgetMessage(run.o.budgetMs), t: run.timers.now() });
}

function virtualLimit(run: ScenarioState, message: string): void {
  run.stopped = true;
  // Past the span cap, timers have no span: list them from the timer records too.
  const pending = [
    ...run.openLearnerSpans().map((s) => s.label),
    ...[...run.timerRecords.values()].filter((r) => r.owner === 'learner' && r.spanId === undefined && r.number !== undefined).map((r) => r.label),
  ];
  run.rec.errors.push({
    kind: 'virtual-limit',
    message: `${message}${pending.length ? `; still running: ${summariseLabels(pending)}` : ''}. Is a timer or an interval never cleared?`,
    t: run.timers.now(),
  });
}
