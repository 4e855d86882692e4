// expect: fails tests-with-isPrimeSlow "never called isPrimeSlow"
// A sieve is fast enough that the heartbeat never misses a beat, but it skips
// the slow work the exercise is about: it never calls isPrimeSlow and never yields.
export async function countPrimes(limit: number): Promise<number> {
  const composite = new Uint8Array(Math.max(limit, 2));
  let count = 0;
  for (let n = 2; n < limit; n++) {
    if (composite[n]) continue;
    count++;
    for (let m = n * n; m < limit; m += n) composite[m] = 1;
  }
  return count;
}
