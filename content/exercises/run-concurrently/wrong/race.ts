// expect: fails elapsed "Promise.race settles with the first one"
import { brewCoffee, fryEggs, toastBread } from '@course/helpers';

export async function makeBreakfast(): Promise<string[]> {
  const results: string[] = [];
  const dishes = [brewCoffee(), toastBread(), fryEggs()].map((dish, i) =>
    dish.then((value) => {
      results[i] = value;
    }),
  );
  // Waits until breakfast is "ready"... but race stops at the first dish.
  await Promise.race(dishes);
  return results;
}
