import { brewCoffee, fryEggs, toastBread } from '@course/helpers';

export async function makeBreakfast(): Promise<string[]> {
  console.log('cooking three dishes at once');
  const outcomes = await Promise.allSettled([brewCoffee(), toastBread(), fryEggs()]);
  const dishes = outcomes.map((outcome) => {
    if (outcome.status === 'rejected') throw outcome.reason;
    return outcome.value;
  });
  console.log(`served ${dishes.length} dishes`);
  return dishes;
}
