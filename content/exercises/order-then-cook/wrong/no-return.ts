// expect: fails returns-meal "Return the value"
// Cooks the dish but keeps the meal to itself: serve resolves to undefined.
import { cook, takeOrder } from '@course/helpers';

export async function serve(orderId: number): Promise<void> {
  const dish = await takeOrder(orderId);
  console.log(`order ${orderId}: ${dish}`);
  await cook(dish);
}
