// expect: fails nothing-floating "setTimeout 0 ms"
import { isPrimeSlow } from '@course/helpers';

// The counting is awaited, but a stray timer per chunk is started and never awaited: its delay is quoted as written (0, not 1).
export async function countPrimes(limit: number): Promise<number> {
  let count = 0;
  for (let n = 2; n < limit; n++) {
    if (isPrimeSlow(n)) count++;
    if (n % 50 === 0) {
      setTimeout(() => {}, 0);
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  setTimeout(() => {}, 0);
  return count;
}
