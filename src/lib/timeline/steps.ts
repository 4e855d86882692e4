/**
 * Event-loop steps: each printed line of a run, labelled with the part of
 * the event loop that printed it. Pure; the labels come only from what the
 * harness recorded (LogLine.phase, LogLine.timer and the spans' sequence
 * numbers), never from a hand-written trace.
 *
 * - `sync`: printed while the script itself was still running.
 * - `microtask`: a promise callback (or queueMicrotask) after the script
 *   finished and before any timer fired.
 * - `timer`: inside timer N's callback (N counts the timers the code
 *   created, from 1).
 * - `after-timer`: once timers have started firing but outside any timer's
 *   callback: a promise callback run right after timer N (or after the
 *   fetch or operation that just completed), found by sequence number.
 */
import type { ScenarioObservation, Span } from '../harness/observation.ts';

type StepKind = 'sync' | 'microtask' | 'timer' | 'after-timer';

interface EventLoopStep {
  /** 1-based position in the output. */
  n: number;
  text: string;
  /** When it was printed, in ms. */
  t: number;
  kind: StepKind;
  /** The timer whose callback printed it, or that ran just before it (after-timer). */
  timer?: number;
  /** Short badge text: "Synchronous", "Microtask", "Timer 2", "Microtask after timer 1". */
  badge: string;
  /** One sentence saying why it ran when it did. */
  explanation: string;
}

export function eventLoopSteps(scenario: ScenarioObservation): EventLoopStep[] {
  const ended = scenario.spans
    .filter((s): s is Span & { endSeq: number } => s.endSeq !== undefined && s.end !== null)
    .sort((a, b) => a.endSeq - b.endSeq);
  const timerSpan = new Map<number, Span>();
  for (const s of scenario.spans) if (s.timer !== undefined) timerSpan.set(s.timer, s);

  return [...scenario.logs]
    .sort((a, b) => a.seq - b.seq)
    .map((line, i): EventLoopStep => {
      const base = { n: i + 1, text: line.text, t: line.t };
      if (line.phase === 'sync') {
        return { ...base, kind: 'sync', badge: 'Synchronous', explanation: 'Printed by the script itself, top to bottom, before the event loop ran anything queued.' };
      }
      if (line.phase === 'microtask') {
        return {
          ...base,
          kind: 'microtask',
          badge: 'Microtask',
          explanation: 'A promise callback: it ran as soon as the script finished, before any timer, because the microtask queue is emptied first.',
        };
      }
      if (line.timer !== undefined) {
        const span = timerSpan.get(line.timer);
        const what = span ? ` (${span.label})` : '';
        return {
          ...base,
          kind: 'timer',
          timer: line.timer,
          badge: `Timer ${line.timer}`,
          explanation: `The callback of timer ${line.timer}${what}, the ${ordinal(line.timer)} timer the code created: it ran once its delay was up and the microtask queue was empty.`,
        };
      }
      // Timers have begun, but this line came from no timer's callback: a promise callback after whatever just finished.
      let before: Span | undefined;
      for (const s of ended) {
        if (s.endSeq < line.seq) before = s;
        else break;
      }
      if (before?.timer !== undefined) {
        return {
          ...base,
          kind: 'after-timer',
          timer: before.timer,
          badge: `Microtask after timer ${before.timer}`,
          explanation: `A promise callback queued when timer ${before.timer} fired: it ran straight after that timer, before the next one.`,
        };
      }
      return {
        ...base,
        kind: 'after-timer',
        badge: before ? 'Microtask after an operation' : 'Microtask after a timer',
        explanation: before
          ? `A promise callback that ran once ${before.label} completed.`
          : 'A promise callback that ran after a timer fired.',
      };
    });
}

function ordinal(n: number): string {
  const words = ['zeroth', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];
  if (n < words.length) return words[n]!;
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${s}`;
}

/** What the event loop holds at one step of a run, as far as the recorded run shows it. */
interface StepState {
  /** What is on the call stack while the line prints: "the script", "timer 1's callback", "a promise callback". */
  running: string;
  /** Microtasks that run after this line and before the loop takes its next timer: the rest of this turn, from the run. */
  microtasksAhead: string[];
  /** Timers booked and not yet fired at this moment, from the run's spans ("timer 2"). */
  timersWaiting: string[];
  /** The 1-based line of the snippet's source that printed it, when exactly one line prints that text. */
  sourceLine?: number;
}

/**
 * The state beside each step. Everything comes from the recorded run: the
 * timer queue from the spans (booked before the line, fired after it), the
 * running code from the line's phase, the microtasks still ahead from the
 * lines that the run printed later in the same turn (before the next timer
 * callback). The source line is found by the printed text, only when one
 * line of the source holds it as a string literal.
 */
export function stepStates(scenario: ScenarioObservation, steps: readonly EventLoopStep[], source?: string): StepState[] {
  const logs = [...scenario.logs].sort((a, b) => a.seq - b.seq);
  const timers = scenario.spans.filter((s) => s.timer !== undefined && (s.kind === 'timer' || s.kind === 'interval'));
  const sourceLines = source?.split('\n') ?? [];
  const lineOf = (text: string): number | undefined => {
    const hits = sourceLines.flatMap((line, i) => (["'", '"', '`'].some((q) => line.includes(`${q}${text}${q}`)) ? [i + 1] : []));
    return hits.length === 1 ? hits[0] : undefined;
  };
  const isMicrotask = (step: EventLoopStep) => step.kind === 'microtask' || step.kind === 'after-timer';
  return steps.map((step, i) => {
    const seq = logs[i]!.seq;
    const running =
      step.kind === 'sync'
        ? 'the script'
        : step.kind === 'timer'
          ? `timer ${step.timer}'s callback`
          : step.kind === 'after-timer' && step.timer !== undefined
            ? `a promise callback queued by timer ${step.timer}`
            : 'a promise callback';
    const microtasksAhead: string[] = [];
    for (const later of steps.slice(i + 1)) {
      if (!isMicrotask(later)) break; // the next timer callback ends this turn's microtasks
      microtasksAhead.push(later.text);
    }
    const timersWaiting = timers
      .filter((t) => t.startSeq < seq && (t.endSeq === undefined || t.endSeq > seq) && t.timer !== (step.kind === 'timer' ? step.timer : undefined))
      .sort((a, b) => a.startSeq - b.startSeq)
      .map((t) => `timer ${t.timer}`);
    const sourceLine = lineOf(step.text);
    return { running, microtasksAhead, timersWaiting, ...(sourceLine !== undefined ? { sourceLine } : {}) };
  });
}
