// expect-error: unhandled-rejection
import { sleep } from '@course/helpers';

async function sendReceipt(order: number) {
  await sleep(100);
  throw new Error(`mail down (${order})`);
}

async function main() {
  sendReceipt(42); // fire and forget
  await sleep(300);
  console.log('order 42 done');
}

await main(); // plain Node exits at 100 ms
