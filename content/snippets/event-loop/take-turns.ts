import { sleep } from '@course/helpers';

// Two coroutines share one thread. Each runs until its next `await`,
// then the event loop picks whichever is ready next.
async function worker(name: string, pause: number): Promise<void> {
  for (let step = 1; step <= 3; step++) {
    console.log(`${name}: step ${step}`);
    await sleep(pause);
  }
  console.log(`${name}: finished`);
}

await Promise.all([worker('fast', 100), worker('slow', 250)]);
console.log('both done');
