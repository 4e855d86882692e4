import { sleep } from '@course/helpers';

let stock = 10;

async function sell(buyer: string, count: number): Promise<void> {
  await sleep(100); // charge the card first
  stock -= count; // no await between read and write
  console.log(`${buyer} bought ${count}, stock now ${stock}`);
}

await Promise.all([sell('Ana', 3), sell('Ben', 2)]);
console.log(`stock: ${stock}`);
