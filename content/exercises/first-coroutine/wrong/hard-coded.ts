// expect: fails calls-operation "never called"
import { sleep } from '@course/helpers';

// Prints the example's output and waits about as long, without doing the work.
export async function main(): Promise<void> {
  console.log('Starting');
  await sleep(1000);
  console.log('Finished');
}
