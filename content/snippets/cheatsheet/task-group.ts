import { sleep } from '@course/helpers';

type Job<T> = (signal: AbortSignal) => Promise<T>;

// Like TaskGroup: the first failure cancels the rest,
// and the group waits for every job before it fails.
async function inGroup<T>(jobs: Job<T>[]): Promise<T[]> {
  const controller = new AbortController();
  let failure: { error: unknown } | undefined;
  const running = jobs.map((job) =>
    job(controller.signal).catch((error: unknown) => {
      failure ??= { error };
      controller.abort();
      throw error;
    }),
  );
  const settled = await Promise.allSettled(running);
  if (failure) throw failure.error;
  return settled.map((r) => (r as PromiseFulfilledResult<T>).value);
}

async function step(name: string, ms: number, signal: AbortSignal, fail = false) {
  try {
    await sleep(ms, signal);
  } catch (error) {
    console.log(`${name} cancelled`);
    throw error;
  }
  if (fail) throw new Error(`${name} failed`);
  console.log(`${name} done`);
  return name;
}

try {
  await inGroup([
    (signal) => step('a', 100, signal),
    (signal) => step('b', 200, signal, true),
    (signal) => step('c', 500, signal),
  ]);
} catch (error) {
  console.log('group failed:', (error as Error).message);
}
