import { sleep } from '@course/helpers';

async function download(signal: AbortSignal): Promise<void> {
  try {
    for (let part = 1; part < 10; part++) {
      await sleep(200, signal);
      console.log(`part ${part}`);
    }
  } catch (error) {
    console.log('download cancelled');
    throw error;
  }
}

const controller = new AbortController();
const task = download(controller.signal);
await sleep(500);
controller.abort();
try {
  await task;
} catch {
  console.log('main saw the cancellation');
}
