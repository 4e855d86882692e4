import { sleep } from '@course/helpers';

type Job<T> = () => Promise<T>;

// At most `n` jobs run at once.
function limiter(n: number) {
  let free = n;
  const queue: Array<() => void> = [];
  return async <T>(job: Job<T>) => {
    if (free > 0) {
      free--;
    } else {
      // wait until a running job hands
      // its place on
      await new Promise<void>((go) => {
        queue.push(go);
      });
    }
    try {
      return await job();
    } finally {
      const next = queue.shift();
      if (next) next();
      else free++;
    }
  };
}

const t0 = Date.now();
const now = () => Date.now() - t0;
const limit = limiter(2);

async function job(n: number, ms: number) {
  console.log(`start ${n}: ${now()} ms`);
  await sleep(ms);
}

const times = [300, 100, 150, 100, 50];
const jobs = times.map((ms, i) =>
  limit(() => job(i + 1, ms)),
);
await Promise.all(jobs);
console.log(`all done: ${now()} ms`);
