// expect: fails runs "Did you mean `brewCoffee`?"
// @ts-expect-error: the mistake under test (a misspelled helper name)
import { brewCofee, toastBread, fryEggs } from '@course/helpers';

export async function makeBreakfast(): Promise<string[]> {
  return await Promise.all([brewCofee(), toastBread(), fryEggs()]);
}
