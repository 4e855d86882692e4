// expect: fails result "limit itself"
import { isPrimeSlow } from '@course/helpers';

// Off by one at the top: `n <= limit` also tests the limit itself.
export async function countPrimes(limit: number): Promise<number> {
  let count = 0;
  for (let n = 2; n <= limit; n++) {
    if (isPrimeSlow(n)) count++;
    if (n % 50 === 0) await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return count;
}
