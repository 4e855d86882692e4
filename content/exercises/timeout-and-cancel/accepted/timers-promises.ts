import { setTimeout as wait } from 'node:timers/promises';

// The deadline is a cancellable wait from node:timers/promises. The race is
// followed by cancelling whichever side lost.
export async function withTimeout<T>(work: (signal: AbortSignal) => Promise<T>, ms: number): Promise<T> {
  const forWork = new AbortController();
  const forTimer = new AbortController();
  const deadline = wait(ms, undefined, { signal: forTimer.signal }).then((): never => {
    forWork.abort();
    throw new Error(`timed out after ${ms} ms`);
  });
  try {
    return await Promise.race([work(forWork.signal), deadline]);
  } finally {
    forTimer.abort(); // stops the wait if the work won (the race already handles its rejection)
  }
}
