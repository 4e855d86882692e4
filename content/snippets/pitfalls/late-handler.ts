// expect-error: unhandled-rejection
import { sleep } from '@course/helpers';

// acme answers at 300 ms;
// tiny fails at 100 ms.
async function price(shop: string) {
  await sleep(shop === 'acme' ? 300 : 100);
  if (shop === 'tiny') {
    throw new Error(`${shop}: no answer`);
  }
  return `${shop}: 12 EUR`;
}

// Both requests start now...
const acme = price('acme');
const tiny = price('tiny');
try {
  // ...but until 300 ms only `acme` is
  // awaited, and `tiny` fails at 100 ms.
  console.log(await acme);
  console.log(await tiny);
} catch (err) {
  const why = (err as Error).message;
  console.log(`caught ${why}`);
}
