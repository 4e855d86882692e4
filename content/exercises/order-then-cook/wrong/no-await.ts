// expect: fails cooks-the-dish "await"
// Without await, `dish` is the promise, so the printed line and cook both get a Promise.
import { cook, takeOrder } from '@course/helpers';

export async function serve(orderId: number): Promise<string> {
  const dish = takeOrder(orderId);
  console.log(`order ${orderId}: ${dish}`);
  return await cook(dish as unknown as string);
}
