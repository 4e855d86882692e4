import { setTimeout as wait } from 'node:timers/promises';

// Node's promise-based setTimeout is a non-blocking wait too.
const work = (n: number) => wait(1000, `result ${n}`);

export const main = async () => {
  const [a, b, c] = await Promise.all([work(1), work(2), work(3)]);
  console.log(`${a}, ${b}, ${c}`);
  console.log('all done');
};
