import { readBalance, verifyDeposit, writeBalance } from '@course/helpers';

// Correct when deposits run one at a time. Run it: several at once lose money.
// `Lock` from "@course/helpers" works like Python's asyncio.Lock.
export async function deposit(amount: number): Promise<void> {
  await verifyDeposit(amount);
  const balance = await readBalance();
  // Other deposits run here, while this one waits to write.
  await writeBalance(balance + amount);
}
