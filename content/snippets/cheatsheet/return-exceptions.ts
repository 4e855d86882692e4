import { sleep } from '@course/helpers';

async function job(n: number): Promise<string> {
  await sleep(100);
  if (n === 2) throw new Error(`job ${n} failed`);
  return `job ${n} ok`;
}

const results = await Promise.allSettled([job(1), job(2), job(3)]);
for (const r of results) {
  if (r.status === 'rejected') {
    console.log('error:', (r.reason as Error).message);
  } else {
    console.log('value:', r.value);
  }
}
