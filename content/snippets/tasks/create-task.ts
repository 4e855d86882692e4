import { sleep } from '@course/helpers';

async function check(name: string, ms: number) {
  console.log(`${name}: started`);
  await sleep(ms);
  console.log(`${name}: passed`);
  return `${name} ok`;
}

// Runs now, up to its first await:
const lint = check('lint', 400);
console.log('main: carrying on');
// The promise is the handle: await it for the result.
console.log(await lint);
