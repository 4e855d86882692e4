import { Lock, readBalance, verifyDeposit, writeBalance } from '@course/helpers';

// One lock for the account, shared by every call.
const account = new Lock();

export async function deposit(amount: number): Promise<void> {
  // The check doesn't touch the balance: it runs outside the lock, alongside the others.
  await verifyDeposit(amount);
  await account.acquire();
  try {
    // Nobody else can read or write between these two lines.
    const balance = await readBalance();
    await writeBalance(balance + amount);
  } finally {
    account.release();
  }
}
