// expect: fails runs "never gives the event loop a turn"
// Waits for a free slot in a busy loop: the jobs can never finish while it spins.
export async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  let running = 0;
  const jobs = items.map((item) => {
    while (running >= limit) {
      // wait for a slot
    }
    running++;
    return fn(item).finally(() => running--);
  });
  return Promise.all(jobs);
}
