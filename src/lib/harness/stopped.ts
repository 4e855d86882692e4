/**
 * The Observation of a run its host had to kill (an endless synchronous
 * loop never reports back): what was printed so far, and why it stopped.
 * Shared by the Node worker host and the browser runner.
 */
import type { LearnerError, LogLine, Mode, Observation } from './observation.ts';
import { groupDigits } from '../count.ts';

/** What a run the learner stopped (the Stop button) says, in either language. */
export const STOPPED_BY_LEARNER = 'You stopped the run.';

export function stoppedObservation(options: {
  exercise: string;
  mode: Mode;
  seed: number;
  /** The scenario that was running, if it had started. */
  scenario: string | undefined;
  /** Lines streamed before the kill. */
  logs: LogLine[];
  error: LearnerError;
}): Observation {
  return {
    exercise: options.exercise,
    mode: options.mode,
    seed: options.seed,
    scenarios: [
      {
        scenario: options.scenario ?? 'loading',
        mode: options.mode,
        params: null,
        logs: options.logs,
        droppedLines: 0,
        outputTruncated: false,
        spans: [],
        errors: [options.error],
        settled: { state: 'pending' },
        pendingAtSettle: [],
        totalTime: options.logs.at(-1)?.t ?? 0,
        record: {},
      },
    ],
  };
}

export function budgetMessage(budgetMs: number): string {
  return `Your code ran for more than ${groupDigits(budgetMs / 1000)} s and was stopped. Is there a loop that never ends, or one that never gives the event loop a turn (no await inside it)?`;
}
