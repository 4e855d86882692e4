async function brew(): Promise<void> {
  console.log('brew: start');
  await null;
  console.log('brew: after await');
}

export function demo(): void {
  console.log('demo: start');
  setTimeout(() => console.log('timeout 0'), 0);
  void brew();
  Promise.resolve().then(() => console.log('then'));
  console.log('demo: end');
}

export const predicted: string[] = [
  // synchronous: demo's own lines, and brew's body up to its first await
  'demo: start',
  'brew: start',
  'demo: end',
  // microtasks, in the order they were queued
  'brew: after await',
  'then',
  // timers, once the microtask queue is empty
  'timeout 0',
];
