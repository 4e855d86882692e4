// The platform's own deadline signal: it aborts itself after `ms` with a
// TimeoutError, and the work rejects with that error as soon as it sees it.
export async function withTimeout<T>(work: (signal: AbortSignal) => Promise<T>, ms: number): Promise<T> {
  return await work(AbortSignal.timeout(ms));
}
