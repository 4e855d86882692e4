import { sleep } from '@course/helpers';

// The same six jobs through a pool of three workers.
const times = [300, 100, 100, 200, 100, 100];
let next = 0;
async function worker(): Promise<void> {
  while (next < times.length) {
    await sleep(times[next++]); // take the next job as soon as one is done
  }
}
await Promise.all([worker(), worker(), worker()]);
console.log('pool of 3: done');
