import { sleep } from '@course/helpers';

// Each call waits a full second without holding the thread, like asyncio.sleep.
async function work(n: number): Promise<string> {
  await sleep(1000);
  console.log(`work ${n} done`);
  return `result ${n}`;
}

const started = Date.now();
const results = await Promise.all([work(1), work(2), work(3)]);
console.log(results.join(', '));
console.log(`took about ${((Date.now() - started) / 1000).toFixed(1)} s`);
