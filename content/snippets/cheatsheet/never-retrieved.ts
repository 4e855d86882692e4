// expect-error: unhandled-rejection
import { setTimeout as sleep } from 'node:timers/promises';

async function risky(): Promise<void> {
  await sleep(100);
  throw new Error('nobody is listening');
}

risky(); // the promise is dropped
await sleep(200);
console.log('main finished'); // plain Node stops before this
