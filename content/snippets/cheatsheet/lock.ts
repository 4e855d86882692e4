import { sleep } from '@course/helpers';

// A lock as a chain of promises: each holder waits for the one before it to let go.
class Lock {
  #last: Promise<void> = Promise.resolve();
  async acquire(): Promise<() => void> {
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    const before = this.#last;
    this.#last = before.then(() => mine);
    await before;
    return release;
  }
}

let balance = 100;
const lock = new Lock();

async function withdraw(who: string, amount: number): Promise<void> {
  const release = await lock.acquire();
  try {
    const seen = balance;
    await sleep(100); // asking the bank, say
    balance = seen - amount;
    console.log(`${who} took ${amount}, balance ${balance}`);
  } finally {
    release(); // even if the withdrawal throws
  }
}

await Promise.all([withdraw('Kim', 30), withdraw('Lee', 50)]);
console.log(`balance: ${balance}`);
