import { blockFor, sleep } from '@course/helpers';

// Two downloads that wait without holding the thread…
async function download(name: string): Promise<void> {
  await sleep(1000);
  console.log(`${name} downloaded`);
}

// …and one step of CPU work that holds it for half a second.
async function parse(): Promise<void> {
  blockFor(500);
  console.log('parsed');
}

await Promise.all([download('a.csv'), download('b.csv'), parse()]);
console.log('done');
