// expect: fails all-started-first "ran one after another"
import { brewCoffee, fryEggs, toastBread } from '@course/helpers';

// Looks concurrent, but each await inside the loop finishes one dish before the next starts.
export async function makeBreakfast(): Promise<string[]> {
  const results: string[] = [];
  for (const cook of [brewCoffee, toastBread, fryEggs]) {
    results.push(await cook());
  }
  return results;
}
