import { sleep } from '@course/helpers';

async function charge(card: string) {
  await sleep(200); // the bank
  if (card.startsWith('0000')) {
    throw new Error(`${card} declined`);
  }
  return `charged ${card}`;
}

async function checkout(card: string) {
  console.log(`checkout with ${card}`);
  try {
    // the rejection is thrown here
    console.log(await charge(card));
  } catch (err) {
    const { message } = err as Error;
    console.log(`failed: ${message}`);
  } finally {
    console.log('basket unlocked');
  }
}

await checkout('4242 4242');
await checkout('0000 0000');
