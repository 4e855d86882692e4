import { sleep } from '@course/helpers';

async function slowReport(signal?: AbortSignal): Promise<string> {
  for (let step = 1; step <= 5; step++) {
    await sleep(200, signal);
    console.log(`report: step ${step}`);
  }
  return 'report';
}

// A deadline the work itself can see: it stops the work.
const deadline = AbortSignal.timeout(500);
try {
  console.log(await slowReport(deadline));
} catch (err) {
  if (!deadline.aborted) throw err;
  // Ask the signal why: its reason is a TimeoutError.
  console.log(`gave up: ${(deadline.reason as Error).name}`);
}
