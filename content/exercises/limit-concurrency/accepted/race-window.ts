// A sliding window: keep up to `limit` jobs running, and wait with
// Promise.race for any one of them to finish before starting another.
export async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  const running = new Set<Promise<void>>();

  for (let i = 0; i < items.length; i++) {
    if (running.size >= limit) await Promise.race(running);
    const job: Promise<void> = fn(items[i]).then((result) => {
      results[i] = result;
      running.delete(job);
    });
    running.add(job);
  }

  await Promise.all(running); // the last few jobs are still going
  console.log(`mapLimit: ${items.length} jobs done`);
  return results;
}
