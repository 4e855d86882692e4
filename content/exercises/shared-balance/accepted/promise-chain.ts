import { readBalance, verifyDeposit, writeBalance } from '@course/helpers';

// A lock made of a promise chain: each update starts when the previous one
// has settled, whether it worked or not.
let tail: Promise<unknown> = Promise.resolve();

export async function deposit(amount: number): Promise<void> {
  await verifyDeposit(amount);
  const update = tail.then(async () => {
    const balance = await readBalance();
    await writeBalance(balance + amount);
  });
  // The next update waits for this one, but never for its error.
  tail = update.catch(() => undefined);
  await update;
}
