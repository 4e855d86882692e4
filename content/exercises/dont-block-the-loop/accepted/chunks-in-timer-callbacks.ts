import { isPrimeSlow } from '@course/helpers';

// Each chunk runs in a timer callback, and countPrimes waits for the last one: timers used for the counting, but awaited.
export function countPrimes(limit: number): Promise<number> {
  return new Promise((resolve) => {
    let count = 0;
    let n = 2;
    const chunk = () => {
      const end = Math.min(n + 50, limit);
      for (; n < end; n++) if (isPrimeSlow(n)) count++;
      if (n < limit) setTimeout(chunk, 0);
      else resolve(count);
    };
    setTimeout(chunk, 0);
  });
}
