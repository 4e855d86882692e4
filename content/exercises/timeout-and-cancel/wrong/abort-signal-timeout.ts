// expect: fails stubborn-rejects "ignores the signal"
// The platform's own deadline signal aborts itself after `ms`, which stops work
// that listens to it. But `await work(signal)` waits for as long as the work
// takes: work that ignores the signal keeps it waiting well past the deadline.
export async function withTimeout<T>(work: (signal: AbortSignal) => Promise<T>, ms: number): Promise<T> {
  return await work(AbortSignal.timeout(ms));
}
