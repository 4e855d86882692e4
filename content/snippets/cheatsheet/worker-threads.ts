// runs-in: node
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

function countPrimes(limit: number): number {
  let count = 0;
  for (let n = 2; n < limit; n++) {
    let prime = true;
    for (let d = 2; d * d <= n; d++) if (n % d === 0) prime = false;
    if (prime) count++;
  }
  return count;
}

// This same file, run again in a worker thread.
function inWorker(limit: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: limit });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

if (isMainThread) {
  const counts = await Promise.all([inWorker(20_000), inWorker(30_000)]);
  console.log(`primes below 20000 and 30000: ${counts[0]}, ${counts[1]}`);
} else {
  parentPort!.postMessage(countPrimes(workerData as number));
}
