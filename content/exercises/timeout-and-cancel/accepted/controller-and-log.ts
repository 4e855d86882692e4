// Abort the work's own signal at the deadline and let its rejection come back
// through `await`; log what happened on the way out.
export async function withTimeout<T>(work: (signal: AbortSignal) => Promise<T>, ms: number): Promise<T> {
  const controller = new AbortController();
  const timer = setTimeout(() => {
    console.log(`deadline of ${ms} ms passed, aborting`);
    controller.abort(new Error(`timed out after ${ms} ms`));
  }, ms);
  try {
    const value = await work(controller.signal);
    console.log('finished in time');
    return value;
  } finally {
    clearTimeout(timer);
  }
}
