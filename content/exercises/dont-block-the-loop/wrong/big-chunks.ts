// expect: fails heartbeat "Make the chunks smaller"
import { isPrimeSlow } from '@course/helpers';

// It does yield, but only every 300 numbers: 300 ms without a heartbeat.
export async function countPrimes(limit: number): Promise<number> {
  let count = 0;
  for (let n = 2; n < limit; n++) {
    if (isPrimeSlow(n)) count++;
    if (n % 300 === 0) await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return count;
}
