// expect: fails overlap "Only 1 wait"
import { sleep } from '@course/helpers';

// Prints the expected lines after one second, without doing three pieces of work.
export async function main(): Promise<void> {
  await sleep(1000);
  console.log('result 1, result 2, result 3');
  console.log('all done');
}
