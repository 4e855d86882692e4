import { sleep } from '@course/helpers';

// At most `free` holders at once; the rest wait in line.
class Semaphore {
  #waiting: Array<() => void> = [];
  #free: number;
  constructor(limit: number) {
    this.#free = limit;
  }
  async acquire(): Promise<void> {
    if (this.#free > 0) this.#free--;
    else await new Promise<void>((r) => this.#waiting.push(r));
  }
  release(): void {
    const next = this.#waiting.shift();
    if (next) next(); // hand the place straight on
    else this.#free++;
  }
}

async function job(n: number, limit: Semaphore): Promise<number> {
  await limit.acquire();
  try {
    console.log(`start ${n}`);
    await sleep(100);
    return n * n;
  } finally {
    limit.release();
  }
}

const limit = new Semaphore(2);
const jobs = [1, 2, 3, 4, 5].map((n) => job(n, limit));
console.log((await Promise.all(jobs)).join(', '));
