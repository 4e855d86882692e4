// expect: fails fast-no-timer "clearTimeout"
// Aborts at the deadline, but when the work finishes first the timer stays queued.
export async function withTimeout<T>(work: (signal: AbortSignal) => Promise<T>, ms: number): Promise<T> {
  const controller = new AbortController();
  setTimeout(() => controller.abort(), ms);
  return await work(controller.signal);
}
