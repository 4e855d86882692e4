// expect: fails elapsed "blockFor"
import { blockFor } from '@course/helpers';

// An async function around blocking work still blocks: Promise.all can't overlap it.
async function work(n: number): Promise<string> {
  blockFor(1000);
  return `result ${n}`;
}

export async function main(): Promise<void> {
  const results = await Promise.all([work(1), work(2), work(3)]);
  console.log(results.join(', '));
  console.log('all done');
}
