// expect: fails within-limit "Promise.all(items.map(fn)) is unbounded"
// Fast, but it ignores the limit: every job starts at once.
export async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  return Promise.all(items.map((item) => fn(item)));
}
