import { sleep } from '@course/helpers';

async function render(signal: AbortSignal) {
  try {
    for (const pct of [25, 50, 75, 100]) {
      // sleep rejects as soon as
      // the signal is aborted
      await sleep(200, signal);
      console.log(`render ${pct}%`);
    }
    return 'video.mp4';
  } finally {
    console.log('temp files removed');
  }
}

const controller = new AbortController();
const task = render(controller.signal);
await sleep(500);
controller.abort(); // user clicks Cancel
try {
  await task;
} catch {
  console.log('render cancelled');
}
