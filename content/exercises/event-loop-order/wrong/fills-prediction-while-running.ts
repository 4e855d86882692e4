// expect: fails order-matches "before it calls demo()"
// Records the real order into `predicted` instead of predicting it.
export const predicted: string[] = [];

function say(line: string): void {
  predicted.push(line);
  console.log(line);
}

export function demo(): void {
  setTimeout(() => say('timer'), 0);
  Promise.resolve().then(() => say('microtask'));
  say('sync');
}
