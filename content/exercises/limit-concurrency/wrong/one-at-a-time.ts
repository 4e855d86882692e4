// expect: fails reaches-limit "one after another"
// Awaits each job inside the loop, so only one is ever in flight.
export async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i++) {
    results[i] = await fn(items[i]);
  }
  return results;
}
