// expect: fails result "in the order the dishes finished"
import { brewCoffee, fryEggs, toastBread } from '@course/helpers';

export async function makeBreakfast(): Promise<string[]> {
  const results: string[] = [];
  const serve = (dish: Promise<string>) => dish.then((value) => void results.push(value));
  await Promise.all([serve(brewCoffee()), serve(toastBread()), serve(fryEggs())]);
  return results; // fastest dish first, not [coffee, toast, eggs]
}
