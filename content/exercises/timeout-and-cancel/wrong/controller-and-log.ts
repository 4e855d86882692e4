// expect: fails stubborn-rejects "ignores the signal"
// Aborts the work's signal at the deadline and waits for the work to notice.
// Work that never looks at the signal isn't stopped, so withTimeout waits for it.
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
