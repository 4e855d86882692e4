// One signal does both jobs: AbortSignal.timeout aborts itself at the deadline,
// which stops work that listens, and the same abort event rejects our own
// promise, which ends the wait even for work that doesn't listen.
export async function withTimeout<T>(work: (signal: AbortSignal) => Promise<T>, ms: number): Promise<T> {
  const signal = AbortSignal.timeout(ms);
  let onAbort: (() => void) | undefined;
  const deadline = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([work(signal), deadline]);
  } finally {
    signal.removeEventListener('abort', onAbort!);
  }
}
