// expect: fails nothing-floating "toastBread()"
import { brewCoffee, fryEggs, toastBread } from '@course/helpers';

// Awaits only the coffee, assuming it is always the slowest dish.
export async function makeBreakfast(): Promise<string[]> {
  let toast = '';
  let eggs = '';
  toastBread().then((value) => (toast = value));
  fryEggs().then((value) => (eggs = value));
  const coffee = await brewCoffee();
  return [coffee, toast, eggs];
}
