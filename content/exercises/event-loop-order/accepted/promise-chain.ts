import { setTimeout as wait } from 'node:timers/promises';

// An executor runs at once; each .then in a chain needs its own microtask turn,
// so two chains interleave; an awaited timer resumes in the timer phase.
export function demo(): void {
  const ready = new Promise<string>((resolve) => {
    console.log('executor');
    resolve('value');
  });
  ready.then(() => console.log('a1')).then(() => console.log('a2'));
  ready.then(() => console.log('b1')).then(() => console.log('b2'));
  void (async () => {
    await wait(10);
    console.log('after wait(10)');
  })();
  console.log('end of demo');
}

export const predicted: string[] = ['executor', 'end of demo', 'a1', 'b1', 'a2', 'b2', 'after wait(10)'];
