import { sleep } from '@course/helpers';

async function load(n: number): Promise<string> {
  await sleep(100 * n);
  return `page ${n}`;
}

const start = Date.now();
const pages = await Promise.all([load(3), load(1), load(2)]);
console.log(pages.join(', '));
console.log(`${((Date.now() - start) / 1000).toFixed(1)} s`);
