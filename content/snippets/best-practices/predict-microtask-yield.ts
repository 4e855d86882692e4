import { blockFor } from '@course/helpers';

const start = Date.now();
const ms = () => Date.now() - start;
setTimeout(() => console.log(`timer at ${ms()} ms`), 50);

for (let slice = 0; slice < 4; slice++) {
  blockFor(100); // a slice of CPU work
  await Promise.resolve(); // give the loop a turn?
}
console.log(`work done at ${ms()} ms`);
