// expect: fails no-lost-update "before any of them had written"
// The starter: read, then write, with an await in between where others run.
import { readBalance, verifyDeposit, writeBalance } from '@course/helpers';

export async function deposit(amount: number): Promise<void> {
  await verifyDeposit(amount);
  const balance = await readBalance();
  await writeBalance(balance + amount);
}
