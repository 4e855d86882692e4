import { blockFor, sleep } from '@course/helpers';

const start = Date.now();

function report(): void {
  console.log(`timer ran at ${Date.now() - start} ms`);
}

setTimeout(report, 100);
blockFor(1000); // holds the thread, like time.sleep
console.log('blocking call done');
await sleep(200);
