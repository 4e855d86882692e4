import { sleep } from '@course/helpers';

type Job =
  (signal: AbortSignal) => Promise<void>;

// Like a TaskGroup: the first failure
// aborts the rest, and the group waits
// until every job has stopped.
async function group(jobs: Job[]) {
  const ctl = new AbortController();
  const runs = jobs.map((job) =>
    job(ctl.signal).catch((err) => {
      // the first failure stops the rest
      if (!ctl.signal.aborted) {
        ctl.abort(err);
      }
      throw err;
    }),
  );
  await Promise.allSettled(runs);
  if (ctl.signal.aborted) {
    throw ctl.signal.reason;
  }
}

async function part(
  name: string,
  ms: number,
  signal: AbortSignal,
) {
  try {
    await sleep(ms, signal);
  } catch (err) {
    console.log(`${name}: cancelled`);
    throw err;
  }
  if (name === 'body') {
    throw new Error(`${name} broken`);
  }
  console.log(`${name}: done`);
}

async function buildPage() {
  await group([
    (s) => part('header', 100, s),
    (s) => part('body', 200, s),
    (s) => part('footer', 500, s),
  ]);
}

try {
  await buildPage();
} catch (err) {
  const why = (err as Error).message;
  console.log(`page failed: ${why}`);
}
