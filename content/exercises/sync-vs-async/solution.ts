import { sleep } from '@course/helpers';

// Waiting without holding the thread: while one work() sleeps, the others can run.
async function work(n: number): Promise<string> {
  await sleep(1000);
  return `result ${n}`;
}

export async function main(): Promise<void> {
  // Start all three, then wait for all of them: like asyncio.gather.
  const results = await Promise.all([work(1), work(2), work(3)]);
  console.log(results.join(', '));
  console.log('all done');
}
