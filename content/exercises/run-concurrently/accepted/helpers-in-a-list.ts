import { brewCoffee, fryEggs, toastBread } from '@course/helpers';

// The helpers themselves kept in a list, then each called: passing functions around is fine when they get called.
export async function makeBreakfast(): Promise<string[]> {
  const cooks = [brewCoffee, toastBread, fryEggs];
  const results = Promise.all(cooks.map((cook) => cook()));
  return await results;
}
