// expect: fails runs "Did you mean `await Promise.all(…)`?"
import { brewCoffee, toastBread, fryEggs } from '@course/helpers';

export async function makeBreakfast(): Promise<string[]> {
  // @ts-expect-error: the mistake under test (a Promise can't be destructured)
  const [coffee, toast, eggs] = Promise.all([brewCoffee(), toastBread(), fryEggs()]);
  return [coffee, toast, eggs];
}
