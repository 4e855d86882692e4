import { blockFor, sleep } from '@course/helpers';

// A heartbeat that wants to run every 100 ms...
const start = Date.now();
const heartbeat = setInterval(() => {
  console.log(`beat at ${Date.now() - start} ms`);
}, 100);

// ...and 600 ms of CPU work, done in one go.
blockFor(600);
console.log(`work done at ${Date.now() - start} ms`);

await sleep(250);
clearInterval(heartbeat);
