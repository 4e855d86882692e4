import { sleep } from '@course/helpers';

async function work(n: number): Promise<string> {
  await sleep(1000); // non-blocking...
  console.log(`work ${n} done`);
  return `result ${n}`;
}

const started = Date.now();
const results: string[] = [];
for (const n of [1, 2, 3]) {
  results.push(await work(n)); // ...but each one starts only when the last has finished
}
console.log(results.join(', '));
console.log(`took about ${((Date.now() - started) / 1000).toFixed(1)} s`);
