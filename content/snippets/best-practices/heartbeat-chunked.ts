import { blockFor, sleep } from '@course/helpers';
import { setImmediate as giveWay } from 'node:timers/promises';

// The same heartbeat...
const start = Date.now();
const heartbeat = setInterval(() => {
  console.log(`beat at ${Date.now() - start} ms`);
}, 100);

// ...and the same 600 ms of work, in six slices.
for (let slice = 0; slice < 6; slice++) {
  blockFor(100);
  await giveWay(); // due timers run here, then we go on
}
console.log(`work done at ${Date.now() - start} ms`);

await sleep(250);
clearInterval(heartbeat);
