/**
 * Times and aborts as learner code hands them to the harness. Every delay is
 * made finite and clamped before it reaches a clock or an Observation:
 * `blockFor(Infinity)` or `sleep(NaN)` must neither hang nor break the clock.
 */

/** What Node's `timers/promises` rejects with when its signal aborts. */
class AbortError extends Error {
  readonly code = 'ABORT_ERR';
  constructor(cause: unknown) {
    super('The operation was aborted', { cause });
    this.name = 'AbortError';
  }
}

export function abortError(reason: unknown): Error {
  return new AbortError(reason);
}

/** Any time learner code hands the harness, as a finite delay in 0 … 2^31-1 ms (what Node's timers accept). */
export function normaliseMs(ms: unknown): number {
  const n = Number(ms);
  return Number.isFinite(n) && n > 0 ? Math.min(n, 2_147_483_647) : 0;
}
