/** The limits a scenario runs under: output, spans, simulated time, timers, clock reads. */

/**
 * Real-time budgets, in ms: code still running after one is stopped. Run
 * (and any run that names no budget) gets RUN_BUDGET_MS; Check runs on the
 * virtual clock and takes milliseconds, so seconds of real time there mean a
 * runaway. An exercise may set its own in exercise.json.
 */
export const RUN_BUDGET_MS = 5000;
export const CHECK_BUDGET_MS = 3000;

/** Output cap: about a thousand lines, each at most 10 000 characters. */
export const MAX_LOG_LINES = 1000;
export const MAX_LINE_CHARS = 10_000;
/** More spans than this are not recorded (a timeline can't show them anyway). */
export const MAX_SPANS = 5000;
/** Simulated time a scenario may run before main settles. */
export const VIRTUAL_LIMIT_MS = 120_000;
/** Timers fired in one scenario before the harness calls it runaway. */
export const MAX_TIMER_FIRINGS = 200_000;
/** Clock reads at one virtual instant before the harness calls it a busy-wait. */
export const MAX_CLOCK_READS_AT_ONE_INSTANT = 1_000_000;
/** Epoch the virtual Date starts at: 2026-01-01T00:00:00Z. */
export const VIRTUAL_EPOCH = Date.UTC(2026, 0, 1);
