// expect: fails checks-run-together "one after another"
// Correct balances, but the lock also covers the check, so the deposits queue for all of it.
import { Lock, readBalance, verifyDeposit, writeBalance } from '@course/helpers';

const lock = new Lock();

export async function deposit(amount: number): Promise<void> {
  await lock.acquire();
  try {
    await verifyDeposit(amount);
    const balance = await readBalance();
    await writeBalance(balance + amount);
  } finally {
    lock.release();
  }
}
