// expect: fails nothing-floating "still running"
import { sleep } from '@course/helpers';

async function work(n: number): Promise<string> {
  await sleep(1000);
  return `result ${n}`;
}

// forEach starts the callbacks but never waits for the promises they return.
export async function main(): Promise<void> {
  const results: string[] = [];
  [1, 2, 3].forEach(async (n) => {
    results[n - 1] = await work(n);
  });
  console.log(results.join(', '));
  console.log('all done');
}
