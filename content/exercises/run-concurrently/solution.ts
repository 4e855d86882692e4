import { brewCoffee, fryEggs, toastBread } from '@course/helpers';

export async function makeBreakfast(): Promise<string[]> {
  // Calling each helper starts it; Promise.all waits for all three (asyncio.gather).
  const [coffee, toast, eggs] = await Promise.all([brewCoffee(), toastBread(), fryEggs()]);
  return [coffee, toast, eggs];
}
