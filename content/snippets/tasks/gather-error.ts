import { sleep } from '@course/helpers';

async function check(name: string, ms: number, fails = false) {
  await sleep(ms);
  if (fails) throw new Error(`${name} failed`);
  console.log(`${name}: passed`);
  return `${name} ok`;
}

try {
  await Promise.all([
    check('lint', 400),
    check('tests', 200, true),
    check('build', 600),
  ]);
} catch (error) {
  console.log(`caught: ${(error as Error).message}`);
}
// The other two are still running:
await sleep(500);
console.log('main: done');
