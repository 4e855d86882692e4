// This version is correct but slow: it runs one job at a time.
// Change it so that up to `limit` calls of fn are in flight at once,
// and still return the results in the order of `items`.
export async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (const item of items) {
    results.push(await fn(item));
  }
  return results;
}
