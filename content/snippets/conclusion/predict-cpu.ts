import { blockFor, sleep } from '@course/helpers';

async function job(): Promise<void> {
  await sleep(500); // waiting: hands the thread back
  blockFor(200); // computing: holds the thread
}

const started = Date.now();
await Promise.all([job(), job(), job()]);
console.log(`took ${Date.now() - started} ms`);
