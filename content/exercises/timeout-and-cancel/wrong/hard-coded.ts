// expect: fails fast-result "use the ms argument"
// Written for the example's 1000 ms deadline instead of the one it is given.
export async function withTimeout<T>(work: (signal: AbortSignal) => Promise<T>, ms: number): Promise<T> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new Error('timed out after 1000 ms')), 1000);
  try {
    return await work(controller.signal);
  } finally {
    clearTimeout(timer);
  }
}
