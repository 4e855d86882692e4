// No async/await: each finished job starts the next item from its .then callback.
export function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  return new Promise<R[]>((resolve, reject) => {
    const results: R[] = new Array(items.length);
    let started = 0;
    let finished = 0;
    if (items.length === 0) return resolve(results);

    const startNext = (): void => {
      const index = started++;
      fn(items[index]).then((result) => {
        results[index] = result;
        finished++;
        if (finished === items.length) resolve(results);
        else if (started < items.length) startNext();
      }, reject);
    };

    while (started < Math.min(limit, items.length)) startNext();
  });
}
