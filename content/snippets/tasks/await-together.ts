import { sleep } from '@course/helpers';

async function check(name: string, ms: number, fails = false) {
  await sleep(ms);
  if (fails) throw new Error(`${name} failed`);
  return `${name} ok`;
}

const tests = check('tests', 200, true);
const build = check('build', 600);
try {
  // Promise.all listens to both promises from now on.
  const results = await Promise.all([tests, build]);
  console.log(results.join(', '));
} catch (error) {
  console.log(`caught: ${(error as Error).message}`);
}
