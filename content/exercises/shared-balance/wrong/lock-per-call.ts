// expect: fails no-lost-update "one per call"
// A new lock in every call: each deposit holds its own, so none ever waits.
import { Lock, readBalance, verifyDeposit, writeBalance } from '@course/helpers';

export async function deposit(amount: number): Promise<void> {
  const lock = new Lock();
  await verifyDeposit(amount);
  await lock.acquire();
  try {
    const balance = await readBalance();
    await writeBalance(balance + amount);
  } finally {
    lock.release();
  }
}
