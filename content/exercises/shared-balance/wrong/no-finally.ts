// expect: fails every-deposit-settles "never released it"
// Releases the lock only when the write works: after a failed write, everyone waits forever.
import { Lock, readBalance, verifyDeposit, writeBalance } from '@course/helpers';

const lock = new Lock();

export async function deposit(amount: number): Promise<void> {
  await verifyDeposit(amount);
  await lock.acquire();
  const balance = await readBalance();
  await writeBalance(balance + amount);
  lock.release();
}
