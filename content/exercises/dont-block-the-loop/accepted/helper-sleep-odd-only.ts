import { isPrimeSlow, sleep } from '@course/helpers';

// Skips the even numbers (half the CPU), and sleeps 0 ms between chunks.
export async function countPrimes(limit: number): Promise<number> {
  let count = limit > 2 ? 1 : 0; // 2 is the only even prime
  let sinceYield = 0;
  for (let n = 3; n < limit; n += 2) {
    if (isPrimeSlow(n)) count++;
    if (++sinceYield === 60) {
      sinceYield = 0;
      await sleep(0);
    }
  }
  console.log(`checked ${Math.ceil((limit - 3) / 2)} odd numbers`);
  return count;
}
