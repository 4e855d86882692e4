// expect: fails result "the answer for 2000 only"
import { sleep } from '@course/helpers';

// The example's answer, with no counting at all.
export async function countPrimes(_limit: number): Promise<number> {
  await sleep(0);
  return 303;
}
