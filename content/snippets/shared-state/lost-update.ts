import { sleep } from '@course/helpers';

let stock = 10;

async function sell(buyer: string, count: number): Promise<void> {
  const left = stock; // read
  await sleep(100); // charge the card (others run now)
  stock = left - count; // write
  console.log(`${buyer} bought ${count}, stock now ${stock}`);
}

await Promise.all([sell('Ana', 3), sell('Ben', 2)]);
console.log(`stock: ${stock}`);
