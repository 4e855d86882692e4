// expect: fails heartbeat "at the same moment"
import { isPrimeSlow, sleep } from '@course/helpers';

// One task per number, all started together: every yield is queued at once,
// so they all run before the heartbeat gets its turn.
export async function countPrimes(limit: number): Promise<number> {
  const numbers = Array.from({ length: Math.max(0, limit - 2) }, (_, i) => i + 2);
  const flags = await Promise.all(
    numbers.map(async (n) => {
      await sleep(0);
      return isPrimeSlow(n);
    }),
  );
  return flags.filter(Boolean).length;
}
