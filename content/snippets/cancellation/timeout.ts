import { sleep } from '@course/helpers';

async function report(
  ms: number,
  signal: AbortSignal,
) {
  await sleep(ms, signal);
  return `report ready after ${ms} ms`;
}

for (const ms of [300, 2000]) {
  // aborts itself after 1 s
  const limit = AbortSignal.timeout(1000);
  try {
    console.log(await report(ms, limit));
  } catch (err) {
    // sleep rejects with an AbortError, as Node's timers do;
    // the signal's reason says why: a TimeoutError.
    if (!limit.aborted) throw err;
    console.log(`gave up: ${(limit.reason as Error).name}`);
  }
}
