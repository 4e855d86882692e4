// expect: fails order-matches "waits in the microtask queue"
async function step(): Promise<void> {
  console.log('step 1');
  await Promise.resolve();
  console.log('step 2');
}

export function demo(): void {
  void step();
  console.log('after step()');
  setTimeout(() => console.log('timer'), 0);
}

// Expects the code after an already-resolved await to run straight on.
export const predicted: string[] = ['step 1', 'step 2', 'after step()', 'timer'];
