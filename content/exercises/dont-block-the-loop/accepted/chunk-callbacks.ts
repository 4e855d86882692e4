import { isPrimeSlow } from '@course/helpers';

// No async loop: each chunk schedules the next one with setTimeout,
// and the promise resolves when the last chunk is done.
export function countPrimes(limit: number): Promise<number> {
  return new Promise((resolve) => {
    let n = 2;
    let count = 0;
    const chunk = () => {
      const end = Math.min(n + 40, limit);
      for (; n < end; n++) if (isPrimeSlow(n)) count++;
      if (n < limit) setTimeout(chunk, 0);
      else resolve(count);
    };
    chunk();
  });
}
