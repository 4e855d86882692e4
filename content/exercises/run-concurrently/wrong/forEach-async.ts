// expect: fails nothing-floating "forEach"
import { brewCoffee, fryEggs, toastBread } from '@course/helpers';

export async function makeBreakfast(): Promise<string[]> {
  const results: string[] = [];
  // forEach doesn't wait for async callbacks: makeBreakfast returns at once.
  [brewCoffee, toastBread, fryEggs].forEach(async (cook, i) => {
    results[i] = await cook();
  });
  return results;
}
