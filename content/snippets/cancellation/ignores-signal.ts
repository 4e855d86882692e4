import { sleep } from '@course/helpers';

// Takes a signal, as polite functions do, then never looks at it.
async function legacyExport(signal: AbortSignal): Promise<string> {
  await sleep(2000);
  return 'export done';
}

// 1. The signal alone: it aborts at 500 ms, and nobody hears it.
let start = Date.now();
const alone = AbortSignal.timeout(500);
console.log(`signal alone: ${await legacyExport(alone)} at ${Date.now() - start} ms`);

// 2. The same signal, raced: its abort event rejects a promise of our own.
start = Date.now();
const raced = AbortSignal.timeout(500);
const expired = new Promise<never>((_, reject) => {
  raced.addEventListener('abort', () => reject(raced.reason), { once: true });
});
try {
  console.log(await Promise.race([legacyExport(raced), expired]));
} catch {
  console.log(`raced: gave up at ${Date.now() - start} ms (${(raced.reason as Error).name})`);
}
