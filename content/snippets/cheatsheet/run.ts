import { sleep } from '@course/helpers';

async function main(): Promise<string> {
  console.log('working');
  await sleep(200);
  return 'done';
}

const result = await main();
console.log(result);
