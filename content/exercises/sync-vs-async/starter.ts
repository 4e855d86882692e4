import { blockFor, sleep } from '@course/helpers';

// Each piece of work takes a second. blockFor holds the thread, like time.sleep,
// so the three run one after another and main takes 3 s. Make it take about 1 s,
// with the same output. (`sleep` is the non-blocking wait.)
function work(n: number): string {
  blockFor(1000);
  return `result ${n}`;
}

export async function main(): Promise<void> {
  const first = work(1);
  const second = work(2);
  const third = work(3);
  console.log([first, second, third].join(', '));
  console.log('all done');
}
