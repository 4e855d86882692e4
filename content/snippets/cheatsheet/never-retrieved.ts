// expect-error: unhandled-rejection
import { sleep } from '@course/helpers';

async function risky(): Promise<void> {
  await sleep(100);
  throw new Error('nobody is listening');
}

risky(); // the promise is dropped
await sleep(200);
console.log('main finished'); // plain Node stops before this
