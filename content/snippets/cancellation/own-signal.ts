import { blockFor } from '@course/helpers';

// A pause that honours a signal: on abort it clears its timer and rejects.
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    signal.throwIfAborted(); // already aborted? reject straight away
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

// CPU work in slices that checks the signal between slices.
async function crunch(signal: AbortSignal): Promise<void> {
  for (let slice = 1; slice <= 8; slice++) {
    signal.throwIfAborted();
    blockFor(40);
    console.log(`slice ${slice} done`);
    await pause(10, signal);
  }
}

const t0 = Date.now();
try {
  await crunch(AbortSignal.timeout(200));
} catch (err) {
  console.log(`stopped at ${Date.now() - t0} ms: ${(err as Error).name}`);
}
