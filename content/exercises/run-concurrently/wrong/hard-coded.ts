// expect: fails result "not text copied from the example"
import { sleep } from '@course/helpers';

// Waits as long as the coffee takes and returns the example's text.
export async function makeBreakfast(): Promise<string[]> {
  await sleep(1000);
  return ['coffee is ready', 'toast is ready', 'eggs are ready'];
}
