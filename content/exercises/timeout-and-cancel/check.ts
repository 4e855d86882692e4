import { forPython } from '../../../src/lib/python/callbacks.ts';
import { defineExercise, elapsed, forCases, ms, type CaseCheck, noUnhandledRejections, type HarnessApi, type Rng, type ScenarioObservation } from '../../../src/lib/exercise/kit.ts';

/**
 * A case: the work the harness hands to withTimeout, and the deadline.
 * - fast work resolves to `value` after `workMs`, or rejects with the
 *   signal's reason if the signal aborts first (as fetch does);
 * - slow work runs `steps` steps of `await sleep(stepMs, signal)`, recording
 *   each step, and rejects once the signal aborts (sleep's AbortError, whose
 *   cause is the signal's reason, as Node's timers/promises does);
 * - stubborn work ignores the signal and resolves after `workMs`.
 */
type Fast = { kind: 'fast'; title: string; deadline: number; workMs: number; value: string; showValue: boolean };
type Slow = { kind: 'slow'; title: string; deadline: number; stepMs: number; steps: number };
/** Work that takes no notice of the signal (a library that takes none): it resolves to `value` after `workMs` whatever happens. */
type Stubborn = { kind: 'stubborn'; title: string; deadline: number; workMs: number; value: string };
type WorkCase = Fast | Slow | Stubborn;
/** Run shows the fast case, then the slow one, one after the other. */
type Case = WorkCase | { kind: 'demo'; parts: WorkCase[] };
const isFast = (c: Case): c is Fast => c.kind === 'fast';
const isSlow = (c: Case): c is Slow => c.kind === 'slow';
const isStubborn = (c: Case): c is Stubborn => c.kind === 'stubborn';

/** How the stubborn work shows on the timeline; it is the harness's, so it never counts as the learner's floating work. */
const STUBBORN_LABEL = 'stubborn work (ignores the signal)';
/**
 * In Python there is no signal: cancelling the task that runs `work()`
 * stops it at its next await. Work whose operation can't be stopped (a
 * thread, a library call) is work that shields it, and goes on after the
 * cancellation: that is the Python stubborn work.
 */
const STUBBORN_PYTHON_LABEL = 'stubborn work (shielded: goes on when cancelled)';

const SLACK_MS = 20;
const SAYS_TIMEOUT = /time[ds]?[ -]?out|abort/i;


function generatedFast(rng: Rng): Case {
  const int = rng.int;
  // Fast work that takes longer than 1 s, so a deadline fixed at 1000 ms cuts it off.
  const workMs = int(110, 180) * 10;
  const fastDeadline = workMs + int(20, 120) * 10;
  return {
    kind: 'fast',
    title: `the generated fast case (work takes ${ms(workMs)}, deadline ${ms(fastDeadline)})`,
    deadline: fastDeadline,
    workMs,
    value: `report ${int(100, 999)}-${rng.token(3)}`,
    showValue: false,
  };
}

function generatedSlow(rng: Rng): Case {
  const int = rng.int;
  // A deadline well away from 1000 ms that never lands on a step boundary.
  const stepMs = int(7, 16) * 10;
  let deadline = 1000;
  while (Math.abs(deadline - 1000) < 150 || deadline % stepMs === 0) deadline = int(30, 250) * 10 + 5;
  return {
    kind: 'slow',
    title: `the generated slow case (steps of ${ms(stepMs)}, deadline ${ms(deadline)})`,
    deadline,
    stepMs,
    steps: Math.ceil(5000 / stepMs),
  };
}

function generatedStubborn(rng: Rng): Case {
  // A deadline away from 1000 ms, so an answer with the example's deadline written in fails.
  let deadline = 1000;
  while (Math.abs(deadline - 1000) < 150) deadline = rng.int(40, 300) * 10 + 5;
  return { kind: 'stubborn', title: `the generated stubborn case (deadline ${ms(deadline)})`, deadline, workMs: 5000, value: `late ${rng.token(4)}` };
}

/** Watches the signal work was given: was it one, and when did it abort? */
function watchSignal(h: HarnessApi, signal: unknown): AbortSignal | undefined {
  const isSignal =
    typeof signal === 'object' && signal !== null && 'aborted' in signal && typeof (signal as AbortSignal).addEventListener === 'function';
  h.record('gotSignal', isSignal);
  if (!isSignal) return undefined;
  const s = signal as AbortSignal;
  if (s.aborted) h.record('abortedAt', h.now());
  else s.addEventListener('abort', () => h.record('abortedAt', h.now()), { once: true });
  return s;
}

function makeWork(c: WorkCase, h: HarnessApi) {
  let calls = 0;
  h.record('workCalls', 0);
  // Each work has its Python twin (course.py builds it), which records the same keys; see forPython.
  if (c.kind === 'fast') {
    return forPython((signal: unknown) => {
      h.record('workCalls', ++calls);
      const s = watchSignal(h, signal);
      return h.operation('fast work', c.workMs, () => c.value, { signal: s });
    }, { kind: 'fast-work', label: 'fast work', ms: c.workMs, value: c.value });
  }
  if (c.kind === 'stubborn') {
    return forPython((signal: unknown) => {
      h.record('workCalls', ++calls);
      watchSignal(h, signal);
      return new Promise<string>((resolve) =>
        h.harnessTimeout(() => {
          h.record('stubbornDoneAt', h.now());
          if (h.mode === 'run') h.log(`stubborn work: finished on its own at ${Math.round(h.now())} ms`);
          resolve(c.value);
        }, c.workMs, STUBBORN_LABEL),
      );
    }, { kind: 'stubborn-work', label: STUBBORN_PYTHON_LABEL, ms: c.workMs, value: c.value });
  }
  return forPython(async (signal: unknown) => {
    h.record('workCalls', ++calls);
    const s = watchSignal(h, signal);
    const done: number[] = [];
    h.record('steps', done);
    for (let step = 1; step <= c.steps; step++) {
      await h.sleep(c.stepMs, s, `step ${step}`);
      done.push(h.now());
      h.record('steps', done);
      if (h.mode === 'run' && step % 5 === 0) h.log(`slow work: step ${step} of ${c.steps}`);
    }
    return 'slow result';
  }, { kind: 'slow-work', steps: c.steps, stepMs: c.stepMs, value: 'slow result' });
}

type WithTimeout = (work: (signal: AbortSignal) => Promise<unknown>, ms: number) => unknown;

/** Run: the fast case, then the slow one, with what happened printed. */
async function demo(withTimeout: WithTimeout, parts: WorkCase[], h: HarnessApi) {
  for (const c of parts) {
    const started = h.now();
    try {
      const value = await withTimeout(makeWork(c, h), c.deadline);
      h.log(`${c.kind} work: resolved to ${JSON.stringify(value)} after ${Math.round(h.now() - started)} ms`);
    } catch (error) {
      const e = error as { name?: string; message?: string };
      h.log(`${c.kind} work: rejected after ${Math.round(h.now() - started)} ms with ${e?.name}: ${e?.message}`);
    }
  }
}

function pendingList(o: ScenarioObservation): string {
  const labels = o.pendingAtSettle.map((p) => p.label);
  return labels.length > 3 ? `${labels.slice(0, 3).join(', ')} and ${labels.length - 3} more` : labels.join(', ');
}

function fastResultCheck(): CaseCheck<Case> {
  return forCases(isFast, {
    id: 'fast-result',
    title: 'Fast work: resolves to its value as soon as it is done',
    verify: (o, c) => {
      const at = elapsed(o);
      if (Number(o.record.workCalls ?? 0) === 0) return `withTimeout never called work. Call it with a signal and wait for what it returns.`;
      if (o.settled.state === 'rejected') {
        const { name, message } = o.settled.error;
        const early = at !== undefined && at < c.workMs;
        return (
          `withTimeout rejected at ${ms(at)} with ${name}: ${message}, but the work finishes at ${ms(c.workMs)}, before the ${ms(c.deadline)} deadline. ` +
            (early && at !== undefined && Math.abs(at - 1000) <= SLACK_MS && c.deadline !== 1000
              ? 'It gave up at 1000 ms, not at the deadline it was given: use the ms argument, not a fixed number.'
              : early
                ? 'The deadline fired too soon: start the timer with the ms argument.'
                : 'When the work wins, return its value.')
        );
      }
      if (o.settled.state !== 'fulfilled') return `withTimeout never finished.`;
      if (o.settled.value !== c.value) {
        const shown = c.showValue ? ` ${JSON.stringify(o.settled.value)} instead of ${JSON.stringify(c.value)}` : ' something other than what work resolved to';
        return `withTimeout resolved to${shown}. Resolve to exactly the value work gives you.`;
      }
      if (at === undefined || at > c.workMs + SLACK_MS) {
        return (
          `The work was done at ${ms(c.workMs)} but withTimeout only resolved at ${ms(at)}. ` +
            'Return as soon as the work finishes; don\'t wait for the deadline as well.'
        );
      }
      return undefined;
    },
  });
}

function fastCleanupCheck(): CaseCheck<Case> {
  return forCases(isFast, {
    id: 'fast-no-timer',
    title: 'Fast work: no deadline timer is left pending',
    verify: (o, c) => {
      if (o.pendingAtSettle.length === 0) return undefined;
      return (
        `When withTimeout resolved at ${ms(elapsed(o))}, this was still pending: ${pendingList(o)}. ` +
          'The work won, so cancel the deadline: keep the timer and clearTimeout it (a finally block does this for every outcome).'
      );
    },
  });
}

function slowRejectsCheck(): CaseCheck<Case> {
  return forCases(isSlow, {
    id: 'slow-rejects',
    title: 'Slow work: rejects at the deadline with a timeout error',
    verify: (o, c) => {
      const at = elapsed(o);
              if (o.settled.state === 'fulfilled') {
        if (at !== undefined && at > c.deadline + SLACK_MS) {
          return (
            `withTimeout resolved at ${ms(at)}, when the slow work finished on its own: it should have rejected at the ${ms(c.deadline)} deadline. ` +
              'The deadline never stopped anything. If you clear the timer in a finally block, `return await` the work: a plain `return` leaves the try (and clears the timer) at once.'
          );
        }
        return (
          `withTimeout resolved at ${ms(at)} instead of rejecting. ` +
            'The timeout error was caught and thrown away: an empty catch (or one that only logs) turns a failure into a normal result. Let it reach the caller.'
        );
      }
      if (o.settled.state !== 'rejected') return `withTimeout never finished.`;
      const { name, message } = o.settled.error;
      if (at !== undefined && at < c.deadline) {
        return `withTimeout rejected at ${ms(at)}, before the ${ms(c.deadline)} deadline (${name}: ${message}). Start the timer with the ms argument.`;
      }
      if (at === undefined || at > c.deadline + SLACK_MS) {
        const fixed = at !== undefined && Math.abs(at - 1000) <= SLACK_MS ? ' It gave up at 1000 ms, not at the deadline it was given: use the ms argument, not a fixed number.' : '';
        return `withTimeout rejected at ${ms(at)}, but the deadline was ${ms(c.deadline)}.${fixed}`;
      }
      if (!SAYS_TIMEOUT.test(`${name} ${message}`)) {
        return (
          `withTimeout rejected at the deadline with ${name}: ${message}, which doesn't say it timed out. ` +
            'Reject with an error whose name or message says so, e.g. new Error(`timed out after ${ms} ms`), or with the signal\'s reason.'
        );
      }
      return undefined;
    },
  });
}

function signalAbortedCheck(): CaseCheck<Case> {
  return forCases(isSlow, {
    id: 'signal-aborted',
    title: 'Slow work: the signal that work received is aborted at the deadline',
    verify: (o, c) => {
      if (Number(o.record.workCalls ?? 0) === 0) return `withTimeout never called work.`;
      if (o.record.gotSignal !== true) {
        return `Work was called without an AbortSignal, so it had no way to hear that it should stop. Pass it controller.signal.`;
      }
      const abortedAt = o.record.abortedAt;
      if (typeof abortedAt !== 'number') {
        return (
          `The signal that work received was never aborted, so the work never heard that the deadline had passed. ` +
            'Call abort() on the controller whose signal you passed to work when the timer fires.'
        );
      }
      if (abortedAt < c.deadline || abortedAt > c.deadline + SLACK_MS) {
        return `The signal was aborted at ${ms(abortedAt)}, but the deadline was ${ms(c.deadline)}. Abort it when the deadline passes, and not before.`;
      }
      return undefined;
    },
  });
}

function stopsWorkCheck(): CaseCheck<Case> {
  return forCases(isSlow, {
    id: 'stops-work',
    title: 'Slow work: no step runs after the deadline',
    verify: (o, c) => {
      const steps = (o.record.steps as number[] | undefined) ?? [];
      const late = steps.map((t, i) => ({ t, step: i + 1 })).filter((s) => s.t > c.deadline);
      if (late.length === 0) return undefined;
      const rest = late.length - 1;
      const abortedAt = o.record.abortedAt;
      const why =
        typeof abortedAt === 'number' && abortedAt > c.deadline
          ? `The signal was only aborted at ${ms(abortedAt)}: abort it when the ${ms(c.deadline)} deadline passes.`
          : typeof abortedAt === 'number'
            ? 'Pass work the signal that you abort, not another one.'
            : 'Promise.race stops waiting for the work, but it doesn\'t stop the work. Abort the signal you gave work when the deadline passes.';
      return (
        `Step ${late[0].step} of the work still ran at ${ms(late[0].t)}, after the ${ms(c.deadline)} deadline` +
          `${rest ? `, and ${rest} more step${rest === 1 ? '' : 's'} after it` : ''}. ${why}`
      );
    },
  });
}

function slowCleanupCheck(): CaseCheck<Case> {
  return forCases(isSlow, {
    id: 'slow-no-timer',
    title: 'Slow work: nothing is left pending after the timeout',
    verify: (o, c) => {
      if (o.pendingAtSettle.length === 0) return undefined;
      return (
        `When withTimeout settled at ${ms(elapsed(o))}, this was still pending: ${pendingList(o)}. ` +
          'After a timeout nothing of the work should be left running: abort its signal, and clear any timer of your own.'
      );
    },
  });
}

function stubbornRejectsCheck(): CaseCheck<Case> {
  return forCases(isStubborn, {
    id: 'stubborn-rejects',
    title: 'Work that ignores the signal: still rejects at the deadline',
    verify: (o, c) => {
      const at = elapsed(o);
      if (Number(o.record.workCalls ?? 0) === 0) return `withTimeout never called work.`;
      const late = at === undefined || at > c.deadline + SLACK_MS;
      if (o.settled.state === 'pending') return `withTimeout never finished.`;
      if (late) {
        const how = o.settled.state === 'fulfilled' ? 'resolved' : 'rejected';
        return (
          `withTimeout only ${how} at ${ms(at)}, when the work finished by itself; the deadline was ${ms(c.deadline)}. ` +
            'This work ignores the signal, so aborting it doesn\'t make `await work(signal)` return. ' +
            'Don\'t wait for the work alone: race it against a promise of your own that rejects at the deadline.'
        );
      }
      if (o.settled.state === 'fulfilled') {
        return `withTimeout resolved at ${ms(at)} instead of rejecting at the ${ms(c.deadline)} deadline. Let the timeout error reach the caller.`;
      }
      const { name, message } = o.settled.error;
      if (at < c.deadline) return `withTimeout rejected at ${ms(at)}, before the ${ms(c.deadline)} deadline (${name}: ${message}). Start the timer with the ms argument.`;
      if (!SAYS_TIMEOUT.test(`${name} ${message}`)) {
        return `withTimeout rejected at the deadline with ${name}: ${message}, which doesn't say it timed out. Reject with an error whose name or message says so.`;
      }
      return undefined;
    },
  });
}

function stubbornCleanupCheck(): CaseCheck<Case> {
  return forCases(isStubborn, {
    id: 'stubborn-no-timer',
    title: 'Work that ignores the signal: none of your timers is left pending',
    verify: (o, c) => {
      // The stubborn work itself is the harness's and goes on regardless: only the learner's own work counts here.
      if (o.pendingAtSettle.length === 0) return undefined;
      return (
        `When withTimeout settled at ${ms(elapsed(o))}, this was still pending: ${pendingList(o)}. ` +
          `The work goes on by itself (nothing can stop it), but your own timers and waits should not outlive the ${ms(c.deadline)} deadline: clear them when you settle.`
      );
    },
  });
}

const FAST: Fast = { kind: 'fast', title: 'the fast case', deadline: 1000, workMs: 200, value: 'fast result', showValue: true };
const SLOW: Slow = { kind: 'slow', title: 'the slow case', deadline: 1000, stepMs: 100, steps: 50 };
const STUBBORN: Stubborn = { kind: 'stubborn', title: 'the stubborn case', deadline: 1000, workMs: 5000, value: 'too late' };
/** Run's stubborn job is shorter than Check's, so the run (which waits for it to finish on its own) stays short; it goes first for the same reason. */
const DEMO: Case = { kind: 'demo', parts: [{ ...STUBBORN, workMs: 2500 }, FAST, SLOW] };

export default defineExercise({
  exports: { withTimeout: 'function' },
  example: DEMO,
  cases: {
    fast: () => FAST,
    slow: () => SLOW,
    stubborn: () => STUBBORN,
    'generated-fast': generatedFast,
    'generated-slow': generatedSlow,
    'generated-stubborn': generatedStubborn,
  },
  where: (c) => `In ${c.kind === 'demo' ? 'the example' : c.title}`,
  setup: (c, h) => ({ call: (x) => (c.kind === 'demo' ? demo(x.withTimeout, c.parts, h) : x.withTimeout(makeWork(c, h), c.deadline)) }),
  checks: [
    fastResultCheck(),
    fastCleanupCheck(),
    slowRejectsCheck(),
    signalAbortedCheck(),
    stopsWorkCheck(),
    slowCleanupCheck(),
    stubbornRejectsCheck(),
    stubbornCleanupCheck(),
    noUnhandledRejections(),
  ],
});
