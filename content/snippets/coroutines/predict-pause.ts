import { sleep } from '@course/helpers';

async function brewTea(): Promise<string> {
  console.log('Starting');
  await sleep(1000);
  console.log('Finished');
  return 'tea';
}

setTimeout(() => console.log('meanwhile, at 500 ms'), 500);
console.log(await brewTea());
