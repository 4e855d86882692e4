import { sleep } from '@course/helpers';

async function slowReport(signal?: AbortSignal): Promise<string> {
  for (let step = 1; step <= 5; step++) {
    await sleep(200, signal);
    console.log(`report: step ${step}`);
  }
  return 'report';
}

// A deadline the work itself can see: it stops the work.
try {
  console.log(await slowReport(AbortSignal.timeout(500)));
} catch (err) {
  console.log(`gave up: ${(err as Error).name}`);
}
