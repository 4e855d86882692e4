import { blockFor, sleep } from '@course/helpers';

const start = Date.now();
const timer = sleep(100);
blockFor(500); // 0.5 s of CPU work: blocks the thread
await timer;
const took = (Date.now() - start) / 1000;
console.log(`0.1 s timer done after ${took.toFixed(1)} s`);
