import { sleep } from '@course/helpers';

async function slowReport(signal?: AbortSignal): Promise<string> {
  for (let step = 1; step <= 5; step++) {
    await sleep(200, signal);
    console.log(`report: step ${step}`);
  }
  return 'report';
}

// A deadline made with Promise.race: it stops the waiting...
const deadline = new Promise<never>((_, reject) => {
  setTimeout(() => reject(new Error('timed out')), 500);
});
try {
  console.log(await Promise.race([slowReport(), deadline]));
} catch (err) {
  console.log(`gave up: ${(err as Error).message}`);
}
