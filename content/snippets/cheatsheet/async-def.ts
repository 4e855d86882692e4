import { sleep } from '@course/helpers';

async function add(a: number, b: number): Promise<number> {
  await sleep(100); // may pause here
  return a + b;
}

const pending = add(2, 3); // already running
console.log(await pending); // 5
