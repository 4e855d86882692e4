import { readBalance, verifyDeposit, writeBalance } from '@course/helpers';

// A hand-made mutex: a flag and a queue of waiters, like asyncio.Lock inside.
let busy = false;
const waiting: Array<() => void> = [];

async function lock(): Promise<void> {
  if (!busy) {
    busy = true;
    return;
  }
  await new Promise<void>((resolve) => waiting.push(resolve));
}

function unlock(): void {
  const next = waiting.shift();
  if (next) next();
  else busy = false;
}

export async function deposit(amount: number): Promise<void> {
  await verifyDeposit(amount);
  await lock();
  try {
    const balance = await readBalance();
    await writeBalance(balance + amount);
  } finally {
    unlock();
  }
}
