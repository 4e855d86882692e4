import { cook, takeOrder } from '@course/helpers';

export async function serve(orderId: number): Promise<string> {
  // await pauses serve until the order is in, and gives back the dish itself.
  const dish = await takeOrder(orderId);
  console.log(`order ${orderId}: ${dish}`);
  // Cooking needs the dish, so it starts only now.
  const meal = await cook(dish);
  return meal;
}
