import { cook, takeOrder } from '@course/helpers';

// Take the order, print it, cook the dish, and resolve to the meal.
// As written, `dish` is not a dish yet. Run it and look at what is printed.
export async function serve(orderId: number): Promise<string> {
  const dish = takeOrder(orderId);
  console.log(`order ${orderId}: ${dish}`);
  return 'todo';
}
