// The platform's own deadline signal: it aborts itself after `ms` with a
// TimeoutError. This meets the deadline only because the course's work honours
// the signal and rejects as soon as it sees it; on its own, `await work(signal)`
// would wait for work that ignored the signal for as long as that work took.
export async function withTimeout<T>(work: (signal: AbortSignal) => Promise<T>, ms: number): Promise<T> {
  return await work(AbortSignal.timeout(ms));
}
