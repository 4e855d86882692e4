import { sleep } from '@course/helpers';

// Six jobs of uneven length, three at a time, in fixed batches.
const times = [300, 100, 100, 200, 100, 100];
for (let i = 0; i < times.length; i += 3) {
  const batch = times.slice(i, i + 3);
  await Promise.all(batch.map((ms) => sleep(ms))); // the slowest holds up the batch
}
console.log('batches of 3: done');
