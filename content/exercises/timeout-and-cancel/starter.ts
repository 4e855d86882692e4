// Races the work against a timer. It rejects at the right time, but the slow
// work keeps running after the deadline, and the timer is never cleared.
// Give the work a signal that you abort at the deadline, and clean up the timer.
export async function withTimeout<T>(work: (signal: AbortSignal) => Promise<T>, ms: number): Promise<T> {
  const controller = new AbortController();
  const deadline = new Promise<never>((_, reject) => {
    setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([work(controller.signal), deadline]);
}
