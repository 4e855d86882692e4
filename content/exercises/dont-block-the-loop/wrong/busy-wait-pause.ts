// expect: fails runs "was stopped"
import { isPrimeSlow } from '@course/helpers';

// A "pause" that spins instead of yielding: the event loop never gets a turn,
// so time can't move on and the loop never ends.
function pause(ms: number): void {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    // spin
  }
}

export async function countPrimes(limit: number): Promise<number> {
  let count = 0;
  for (let n = 2; n < limit; n++) {
    if (isPrimeSlow(n)) count++;
    if (n % 50 === 0) pause(5);
  }
  return count;
}
