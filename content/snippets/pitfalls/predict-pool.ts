import { sleep } from '@course/helpers';

// A pool of two workers sharing one list of jobs.
const jobs = [300, 100, 100, 100]; // how long each job takes, in ms
let next = 0;
async function worker(): Promise<void> {
  while (next < jobs.length) {
    const ms = jobs[next++];
    await sleep(ms);
  }
}

const t0 = Date.now();
await Promise.all([worker(), worker()]);
console.log(`all jobs done after ${Date.now() - t0} ms`);
