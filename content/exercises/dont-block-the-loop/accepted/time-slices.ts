import { isPrimeSlow } from '@course/helpers';
import { setImmediate } from 'node:timers/promises';

// Yield by the clock rather than by count: whenever 30 ms of work have gone by.
export async function countPrimes(limit: number): Promise<number> {
  let count = 0;
  let sliceStart = performance.now();
  for (let n = 2; n < limit; n++) {
    if (isPrimeSlow(n)) count++;
    if (performance.now() - sliceStart >= 30) {
      await setImmediate();
      sliceStart = performance.now();
    }
  }
  return count;
}
