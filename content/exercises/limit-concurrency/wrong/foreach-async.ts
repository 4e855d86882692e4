// expect: fails nothing-floating "still running"
// forEach ignores the promises its async callback returns, so nobody waits for the workers.
export async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  Array.from({ length: limit }).forEach(async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]);
    }
  });
  return results;
}
