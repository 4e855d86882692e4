import { blockFor }
  from '@course/helpers';
import { setImmediate as giveWay }
  from 'node:timers/promises';

const start = Date.now();
const ms = () => Date.now() - start;

async function crunch(job: string) {
  for (let part = 1; part <= 3; part++) {
    blockFor(50); // 50 ms of CPU work
    console.log(job, part, `at ${ms()} ms`);
    // let the others in
    await giveWay();
  }
}

await Promise.all([
  crunch('thumbnails'),
  crunch('checksums'),
]);
