// expect: fails no-lost-update "until after the write"
// Locks the read but lets go before the write, so the gap is still open.
import { Lock, readBalance, verifyDeposit, writeBalance } from '@course/helpers';

const lock = new Lock();

export async function deposit(amount: number): Promise<void> {
  await verifyDeposit(amount);
  await lock.acquire();
  let balance: number;
  try {
    balance = await readBalance();
  } finally {
    lock.release();
  }
  await writeBalance(balance + amount);
}
