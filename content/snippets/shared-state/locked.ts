import { Lock, sleep } from '@course/helpers';

let stock = 10;
const stockLock = new Lock(); // one lock, shared by every sale

async function sell(buyer: string, count: number): Promise<void> {
  await stockLock.acquire(); // wait until no other sale holds it
  try {
    const left = stock;
    await sleep(100);
    stock = left - count;
    console.log(`${buyer} bought ${count}, stock now ${stock}`);
  } finally {
    stockLock.release(); // always, even if the sale throws
  }
}

await Promise.all([sell('Ana', 3), sell('Ben', 2)]);
console.log(`stock: ${stock}`);
