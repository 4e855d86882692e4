import { sleep } from '@course/helpers';

async function check(name: string, ms: number) {
  console.log(`${name}: started`);
  await sleep(ms);
  console.log(`${name}: passed`);
  return `${name} ok`;
}

const started = Date.now();
// Calling check() starts it. Keep the promises: they are the tasks.
const lint = check('lint', 400);
const tests = check('tests', 900);
const build = check('build', 600);
console.log('main: all three are running');

// Now collect the results. The three waits overlap.
console.log(`${await lint}, ${await tests}, ${await build}`);
console.log(`all checks: ${Date.now() - started} ms`);
