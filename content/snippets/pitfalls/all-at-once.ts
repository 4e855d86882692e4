import { sleep } from '@course/helpers';

let inFlight = 0;
let peak = 0;

async function download(id: number): Promise<number> {
  inFlight++;
  peak = Math.max(peak, inFlight);
  await sleep(100 + (id % 3) * 50); // stands in for a request
  inFlight--;
  return id;
}

const ids = Array.from({ length: 500 }, (_, i) => i + 1);
const t0 = Date.now();
const results = await Promise.all(ids.map(download)); // all 500 at once
console.log(`${results.length} downloads in ${Date.now() - t0} ms`);
console.log(`most requests open at once: ${peak}`);
