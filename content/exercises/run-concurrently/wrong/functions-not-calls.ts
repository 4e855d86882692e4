// expect: fails all-started-first "where you meant `brewCoffee()`"
import { brewCoffee, toastBread, fryEggs } from '@course/helpers';
export async function makeBreakfast() {
  return await Promise.all([brewCoffee, toastBread, fryEggs]);
}
