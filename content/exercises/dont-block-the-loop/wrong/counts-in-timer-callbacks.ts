// expect: fails result "timer callbacks that countPrimes never waits for"
import { isPrimeSlow } from '@course/helpers';

// Each number is tested in its own timer callback, so the loop stays free, but the count is returned before any of them ran.
export async function countPrimes(limit: number): Promise<number> {
  let count = 0;
  for (let n = 2; n < limit; n++) {
    setTimeout(() => {
      if (isPrimeSlow(n)) count++;
    }, 0);
  }
  return count;
}
