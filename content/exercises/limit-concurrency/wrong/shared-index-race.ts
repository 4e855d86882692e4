// expect: fails each-once "was passed to fn 3 times"
// The workers read `next` but only move it on after the await, so they all take the same item.
export async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < items.length) {
      const index = next;
      results[index] = await fn(items[index]);
      next = index + 1;
    }
  }
  await Promise.all(Array.from({ length: limit }, worker));
  return results;
}
