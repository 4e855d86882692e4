import { cook, takeOrder } from '@course/helpers';

// Returning cook's promise from an async function: the caller still gets the meal.
export async function serve(orderId: number): Promise<string> {
  const dish = await takeOrder(orderId);
  console.log(`order ${orderId}: ${dish}`);
  return cook(dish);
}
