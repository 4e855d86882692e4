import { blockFor, sleep } from '@course/helpers';

// The TypeScript twin of async code that calls time.sleep(1): each work() is
// an async function, and main gathers all three with Promise.all. Yet it
// takes 3 s, because blockFor holds the thread the way time.sleep does.
// Make it take about 1 s, with the same output. (`sleep` is the non-blocking wait.)
async function work(n: number): Promise<string> {
  blockFor(1000);
  return `result ${n}`;
}

export async function main(): Promise<void> {
  const results = await Promise.all([work(1), work(2), work(3)]);
  console.log(results.join(', '));
  console.log('all done');
}
