import { blockFor } from '@course/helpers';

// `async` on the outside, a blocking wait on the inside.
async function work(n: number): Promise<string> {
  blockFor(1000); // holds the thread, like time.sleep inside `async def`
  console.log(`work ${n} done`);
  return `result ${n}`;
}

const started = Date.now();
const results = await Promise.all([work(1), work(2), work(3)]);
console.log(results.join(', '));
console.log(`took about ${((Date.now() - started) / 1000).toFixed(1)} s`);
