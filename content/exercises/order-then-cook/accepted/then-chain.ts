import { cook, takeOrder } from '@course/helpers';

// The same two steps as a promise chain: each .then runs once the step before it is done.
export function serve(orderId: number): Promise<string> {
  return takeOrder(orderId).then((dish) => {
    console.log(`order ${orderId}: ${dish}`);
    return cook(dish);
  });
}
