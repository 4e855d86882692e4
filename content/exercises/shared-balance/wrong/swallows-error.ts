// expect: fails every-deposit-settles "every deposit reported success"
// Releases the lock on failure, but hides the failure from the caller.
import { Lock, readBalance, verifyDeposit, writeBalance } from '@course/helpers';

const lock = new Lock();

export async function deposit(amount: number): Promise<void> {
  await verifyDeposit(amount);
  await lock.acquire();
  try {
    const balance = await readBalance();
    await writeBalance(balance + amount);
  } catch {
    // the store had a problem; carry on
  } finally {
    lock.release();
  }
}
