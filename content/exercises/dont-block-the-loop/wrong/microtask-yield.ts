// expect: fails heartbeat "only yields to the microtask queue"
import { isPrimeSlow } from '@course/helpers';

// Looks like it pauses, but an already-resolved promise resumes before any timer can run.
export async function countPrimes(limit: number): Promise<number> {
  let count = 0;
  for (let n = 2; n < limit; n++) {
    if (isPrimeSlow(n)) count++;
    if (n % 50 === 0) await Promise.resolve();
  }
  return count;
}
