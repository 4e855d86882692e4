// expect: fails results "the order the jobs finished in"
// A real pool, but results are pushed as jobs finish instead of stored by index.
export async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  async function worker(): Promise<void> {
    while (next < items.length) {
      const item = items[next++];
      results.push(await fn(item));
    }
  }
  await Promise.all(Array.from({ length: limit }, worker));
  return results;
}
