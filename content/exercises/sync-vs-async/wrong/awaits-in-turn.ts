// expect: fails elapsed "one after another"
import { sleep } from '@course/helpers';

async function work(n: number): Promise<string> {
  await sleep(1000);
  return `result ${n}`;
}

// Each await finishes before the next work() starts: still 3 s.
export async function main(): Promise<void> {
  const results: string[] = [];
  for (const n of [1, 2, 3]) results.push(await work(n));
  console.log(results.join(', '));
  console.log('all done');
}
