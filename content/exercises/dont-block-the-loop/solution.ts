import { isPrimeSlow } from '@course/helpers';

// A macrotask pause: timers that are due (the heartbeat) run before we continue.
const giveTheLoopATurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export async function countPrimes(limit: number): Promise<number> {
  let count = 0;
  for (let n = 2; n < limit; n++) {
    if (isPrimeSlow(n)) count++;
    if (n % 50 === 0) await giveTheLoopATurn(); // about 50 ms of CPU per chunk
  }
  return count;
}
