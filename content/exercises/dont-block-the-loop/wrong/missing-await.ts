// expect: fails heartbeat "is `await` missing"
import { isPrimeSlow } from '@course/helpers';

// The pause is created but not awaited, so the loop never actually stops.
export async function countPrimes(limit: number): Promise<number> {
  let count = 0;
  for (let n = 2; n < limit; n++) {
    if (isPrimeSlow(n)) count++;
    if (n % 50 === 0) new Promise((resolve) => setTimeout(resolve, 0));
  }
  return count;
}
