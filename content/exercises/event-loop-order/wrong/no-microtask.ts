// expect: fails all-phases "nothing came from a promise callback"
export function demo(): void {
  console.log('first');
  setTimeout(() => console.log('later'), 0);
  console.log('second');
}

export const predicted: string[] = ['first', 'second', 'later'];
