// expect: fails nothing-floating "clearInterval"
import { isPrimeSlow } from '@course/helpers';

// Chunks on an interval: the count is right, but the interval is never cleared.
export function countPrimes(limit: number): Promise<number> {
  return new Promise((resolve) => {
    let n = 2;
    let count = 0;
    setInterval(() => {
      for (const end = Math.min(n + 50, limit); n < end; n++) if (isPrimeSlow(n)) count++;
      if (n >= limit) resolve(count);
    }, 0);
  });
}
