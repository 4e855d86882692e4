// expect: fails in-order "sendEmail(…) were never called"
import { sleep } from '@course/helpers';

// Prints the expected lines at about the right times, without doing any of the work.
export async function main(): Promise<void> {
  await sleep(300);
  console.log('loaded Ada');
  await sleep(300);
  console.log('email to Ada: welcome');
  console.log('done');
}
