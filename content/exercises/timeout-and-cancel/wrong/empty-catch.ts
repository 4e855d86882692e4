// expect: fails slow-rejects "an empty catch"
// Swallows the abort, so a timed-out call looks like a success that returned nothing.
export async function withTimeout<T>(work: (signal: AbortSignal) => Promise<T>, ms: number): Promise<T> {
  const signal = AbortSignal.timeout(ms);
  try {
    return await work(signal);
  } catch {
    // timed out: nothing to do
  }
  return undefined as T;
}
