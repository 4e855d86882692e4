// expect: fails output "Missing"
// Written for the example: pancakes every time, whatever was ordered.
import { cook, takeOrder } from '@course/helpers';

export async function serve(orderId: number): Promise<string> {
  await takeOrder(orderId);
  console.log(`order ${orderId}: pancakes`);
  return await cook('pancakes');
}
