import { sleep } from '@course/helpers';

async function slow(signal?: AbortSignal): Promise<string> {
  await sleep(2000, signal);
  return 'finally';
}

try {
  console.log(await slow(AbortSignal.timeout(500)));
} catch {
  console.log('gave up after 0.5 s');
}

// Promise.race stops the waiting, not the work:
// without a signal, slow() runs on for its 2 s.
const deadline = sleep(500).then(() => {
  throw new Error('timed out');
});
try {
  console.log(await Promise.race([slow(), deadline]));
} catch {
  console.log('gave up again');
}
