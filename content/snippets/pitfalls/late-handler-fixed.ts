import { sleep } from '@course/helpers';

// acme answers at 300 ms; tiny fails at 100.
async function price(shop: string) {
  await sleep(shop === 'acme' ? 300 : 100);
  if (shop === 'tiny') throw new Error(`${shop}: no answer`);
  return `${shop}: 12 EUR`;
}

try {
  // Promise.all handles both promises from the start.
  const prices = await Promise.all([price('acme'), price('tiny')]);
  console.log(prices.join(', '));
} catch (err) {
  console.log(`caught ${(err as Error).message}`);
}
