import { sleep } from '@course/helpers';

async function brewTea(): Promise<string> {
  console.log('Starting');
  await sleep(1000); // pause here; other code may run meanwhile
  console.log('Finished');
  return 'tea';
}

const pending = brewTea(); // already running: "Starting" is printed now
console.log('brewTea() returned', pending);
console.log(await pending); // about a second later: "Finished", then "tea"
