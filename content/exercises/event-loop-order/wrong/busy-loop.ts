// expect: fails order-matches "can't interrupt code that is running"
export function demo(): void {
  setTimeout(() => console.log('timer'), 0);
  Promise.resolve().then(() => console.log('promise'));
  // A long loop with no await: the timer is due long before it ends.
  let sum = 0;
  for (let i = 0; i < 200_000; i++) sum += i;
  console.log(`loop done: ${sum > 0}`);
}

export const predicted: string[] = ['timer', 'promise', 'loop done: true'];
