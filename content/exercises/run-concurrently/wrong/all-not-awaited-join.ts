// expect: fails runs "`results` is a Promise here: `Promise.all` returns one"
import { brewCoffee, toastBread, fryEggs } from '@course/helpers';

export async function makeBreakfast(): Promise<string[]> {
  const results = Promise.all([brewCoffee(), toastBread(), fryEggs()]);
  // @ts-expect-error: the mistake under test (a Promise has no .join)
  return results.join('|').split('|');
}
