import { brewCoffee, fryEggs, toastBread } from '@course/helpers';

// Not declared async, but it returns the promise Promise.all gives back.
export const makeBreakfast = (): Promise<string[]> => Promise.all([brewCoffee(), toastBread(), fryEggs()]);
