// expect: fails predicts-before-running "while your module was loading"
// Records a run of demo() made at load time and hands that in as the prediction.
export const predicted: string[] = [];

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

const print = console.log;
console.log = (...args: unknown[]) => {
  predicted.push(args.map(String).join(' '));
};
demo();
await new Promise((resolve) => setTimeout(resolve, 5));
console.log = print;
