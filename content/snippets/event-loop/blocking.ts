import { blockFor, sleep } from '@course/helpers';

async function tick(): Promise<void> {
  for (let n = 0; n < 3; n++) {
    console.log(`tick ${n}`);
    await sleep(100);
  }
}

const ticker = tick(); // runs up to its first await
blockFor(1000); // holds the thread for 1 s
console.log('blocking call done');
await ticker;
