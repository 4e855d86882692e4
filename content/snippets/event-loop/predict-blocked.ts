import { blockFor } from '@course/helpers';

const start = Date.now();
setTimeout(() => {
  console.log(`timer ran at ${Date.now() - start} ms`);
}, 100);

blockFor(1000); // one second of CPU work
console.log('CPU work done');
