import { sleep } from '@course/helpers';

async function main(): Promise<void> {
  console.log('main: start');
  await sleep(500);
  console.log('main: done');
}

await main(); // the loop is already running
console.log('back in plain code');
