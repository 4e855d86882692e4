// expect: fails order-matches "All microtasks run before the first timer"
export function demo(): void {
  console.log('start');
  setTimeout(() => console.log('timeout'), 0);
  Promise.resolve().then(() => console.log('promise'));
  console.log('end');
}

// Thinks a 0 ms timer is due first, so it beats the promise callback.
export const predicted: string[] = ['start', 'end', 'timeout', 'promise'];
