// expect: fails all-phases "nothing came from a promise callback"
// Prints the example's answer in order instead of letting the event loop order it.
export function demo(): void {
  console.log('sync');
  console.log('microtask');
  console.log('timer');
}

export const predicted: string[] = ['sync', 'microtask', 'timer'];
