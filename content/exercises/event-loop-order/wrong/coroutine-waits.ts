// expect: fails order-matches "runs its body at once"
async function greet(): Promise<void> {
  console.log('greet: hello');
  await null;
  console.log('greet: bye');
}

export function demo(): void {
  console.log('demo: start');
  void greet(); // no await: in Python, this coroutine would not start at all
  console.log('demo: end');
  setTimeout(() => console.log('timer'), 0);
}

// Expects greet() to start only later, like an un-awaited Python coroutine.
export const predicted: string[] = ['demo: start', 'demo: end', 'greet: hello', 'greet: bye', 'timer'];
