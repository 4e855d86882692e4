import { blockFor } from '@course/helpers';

// Each call holds the thread for a full second, like Python's time.sleep.
function work(n: number): string {
  blockFor(1000);
  console.log(`work ${n} done`);
  return `result ${n}`;
}

const started = Date.now();
const results = [work(1), work(2), work(3)];
console.log(results.join(', '));
console.log(`took about ${((Date.now() - started) / 1000).toFixed(1)} s`);
