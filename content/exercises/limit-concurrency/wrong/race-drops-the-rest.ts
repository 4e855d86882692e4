// expect: fails results "still empty"
// Promise.race keeps the window full, but at the end nobody waits for the last jobs.
export async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  const running = new Set<Promise<void>>();
  for (const [index, item] of items.entries()) {
    const job: Promise<void> = fn(item).then((result) => {
      results[index] = result;
      running.delete(job);
    });
    running.add(job);
    if (running.size >= limit) await Promise.race(running);
  }
  return results;
}
