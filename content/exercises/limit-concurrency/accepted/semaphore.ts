// A small semaphore, like asyncio.Semaphore: every item gets a task at once,
// but each one waits for a free slot before it calls fn.
export async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  let free = limit;
  const waiting: Array<() => void> = [];

  async function acquire(): Promise<void> {
    if (free > 0) {
      free--;
      return;
    }
    await new Promise<void>((resolve) => waiting.push(resolve));
  }

  function release(): void {
    const nextInLine = waiting.shift();
    if (nextInLine) nextInLine(); // hand the slot straight to the next task
    else free++;
  }

  return Promise.all(
    items.map(async (item) => {
      await acquire();
      try {
        return await fn(item);
      } finally {
        release();
      }
    }),
  );
}
