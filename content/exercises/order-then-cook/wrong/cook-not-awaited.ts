// expect: fails nothing-floating "still running"
// Starts cooking but doesn't wait for it: serve resolves while the meal is still on the stove.
import { cook, takeOrder } from '@course/helpers';

export async function serve(orderId: number): Promise<string> {
  const dish = await takeOrder(orderId);
  console.log(`order ${orderId}: ${dish}`);
  cook(dish);
  return dish;
}
