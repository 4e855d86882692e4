// runs-in: node
import {
  Worker, isMainThread,
  parentPort, workerData,
} from 'node:worker_threads';

// CPU work: the longest Collatz chain
// for a start below `limit`.
function longest(limit: number): number {
  let best = 0;
  for (let i = 1; i < limit; i++) {
    let steps = 0;
    for (let n = i; n !== 1; steps++) {
      n = n % 2 ? 3 * n + 1 : n / 2;
    }
    best = Math.max(best, steps);
  }
  return best;
}

// This same file, run in a worker thread.
function inWorker(limit: number) {
  const file = new URL(import.meta.url);
  return new Promise<number>((ok, no) => {
    const worker = new Worker(file, {
      workerData: limit,
    });
    worker.once('message', ok);
    worker.once('error', no);
  });
}

if (isMainThread) {
  const limits = [10_000, 20_000, 30_000];
  const answers = await Promise.all(
    limits.map(inWorker), // a thread each
  );
  limits.forEach((limit, i) => {
    const steps = answers[i];
    console.log(`${limit}: ${steps} steps`);
  });
} else {
  const limit = workerData as number;
  parentPort!.postMessage(longest(limit));
}
