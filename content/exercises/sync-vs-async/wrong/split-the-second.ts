// expect: fails overlap "shorter than the work"
import { sleep } from '@course/helpers';

// The total is right, but each piece of work waits only a third of its second.
async function work(n: number): Promise<string> {
  await sleep(333);
  return `result ${n}`;
}

export async function main(): Promise<void> {
  const results = [await work(1), await work(2), await work(3)];
  console.log(results.join(', '));
  console.log('all done');
}
