// expect: fails output "wrong order"
import { sleep } from '@course/helpers';

async function work(n: number): Promise<string> {
  await sleep(1000);
  return `result ${n}`;
}

// The results are printed from a .then() nobody waits for, so "all done" comes first.
export async function main(): Promise<void> {
  Promise.all([work(1), work(2), work(3)]).then((results) => console.log(results.join(', ')));
  console.log('all done');
}
