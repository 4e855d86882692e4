import { sleep } from '@course/helpers';

async function report(
  ms: number,
  signal: AbortSignal,
) {
  await sleep(ms, signal);
  return `report ready after ${ms} ms`;
}

for (const ms of [300, 2000]) {
  try {
    // aborts itself after 1 s
    const limit = AbortSignal.timeout(1000);
    console.log(await report(ms, limit));
  } catch (err) {
    const { name } = err as Error;
    console.log(`gave up: ${name}`);
  }
}
