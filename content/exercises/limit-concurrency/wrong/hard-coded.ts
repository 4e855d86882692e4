// expect: fails results "not what fn resolved to"
// Matches the example's output, and the timing, without using what fn returns.
import { sleep } from '@course/helpers';

export async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  await sleep(Math.ceil(items.length / limit) * 100);
  return items.map((item) => `job ${item} done`) as R[];
}
