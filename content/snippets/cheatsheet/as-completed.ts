import { sleep } from '@course/helpers';

async function job(name: string, ms: number): Promise<string> {
  await sleep(ms);
  return name;
}

// Yields each result as soon as it is ready.
async function* asCompleted<T>(promises: Promise<T>[]) {
  const left = new Map(
    promises.map((p, i) => [i, p.then((value) => ({ i, value }))]),
  );
  while (left.size > 0) {
    const { i, value } = await Promise.race(left.values());
    left.delete(i);
    yield value;
  }
}

const jobs = [job('slow', 300), job('fast', 100), job('mid', 200)];
for await (const name of asCompleted(jobs)) {
  console.log(name);
}
