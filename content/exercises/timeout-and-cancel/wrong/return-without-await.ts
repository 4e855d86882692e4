// expect: fails slow-rejects "`return await` the work"
// `return work(...)` leaves the try at once, so the finally clears the
// deadline before it can fire; the slow work then runs to the end.
export async function withTimeout<T>(work: (signal: AbortSignal) => Promise<T>, ms: number): Promise<T> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), ms);
  try {
    return work(controller.signal);
  } finally {
    clearTimeout(timer);
  }
}
