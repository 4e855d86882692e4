import { brewCoffee, fryEggs, toastBread } from '@course/helpers';

// This kitchen does one thing at a time: 1000 + 600 + 300 ms.
// Make the three dishes cook at the same time.
export async function makeBreakfast(): Promise<string[]> {
  const coffee = await brewCoffee();
  const toast = await toastBread();
  const eggs = await fryEggs();
  return [coffee, toast, eggs];
}
