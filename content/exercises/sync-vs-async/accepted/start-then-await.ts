import { sleep } from '@course/helpers';

async function work(n: number): Promise<string> {
  await sleep(1000);
  return `result ${n}`;
}

// Calling an async function already starts it (like asyncio.create_task):
// all three are running before the first await below.
export async function main(): Promise<void> {
  const tasks = [1, 2, 3].map((n) => work(n));
  const results: string[] = [];
  for (const task of tasks) results.push(await task);
  console.log(results.join(', '));
  console.log('all done');
}
