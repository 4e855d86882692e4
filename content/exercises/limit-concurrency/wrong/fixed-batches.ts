// expect: fails pool-not-batches "fixed batches"
// Runs `limit` jobs, waits for all of them, then starts the next group.
export async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += limit) {
    const batch = items.slice(start, start + limit);
    results.push(...(await Promise.all(batch.map(fn))));
  }
  return results;
}
