import { sleep } from '@course/helpers';

async function job(name: string, ms: number): Promise<string> {
  console.log(`${name}: start`);
  await sleep(ms);
  console.log(`${name}: end`);
  return name;
}

setTimeout(() => console.log('timer: 0 ms'), 0);
const both = Promise.all([job('a', 200), job('b', 100)]);
console.log('main: both started');
const names = await both;
console.log(`main: got ${names.join(' and ')}`);
