// Predict the order in which demo() logs its lines, then run it to see.

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

// The order the lines are written in. Is that the order they run in?
export const predicted: string[] = ['demo: start', 'timeout 0', 'brew: start', 'brew: after await', 'then', 'demo: end'];
