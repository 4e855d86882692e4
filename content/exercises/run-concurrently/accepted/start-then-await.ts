import { brewCoffee, fryEggs, toastBread } from '@course/helpers';

// Start every dish first (like asyncio.create_task), in any order;
// awaiting them afterwards doesn't slow anything down: they are already cooking.
export async function makeBreakfast(): Promise<string[]> {
  const eggs = fryEggs();
  const toast = toastBread();
  const coffee = brewCoffee();
  return [await coffee, await toast, await eggs];
}
