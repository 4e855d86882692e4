// expect-error: unhandled-rejection
import { sleep } from '@course/helpers';

async function check(name: string, ms: number, fails = false) {
  await sleep(ms);
  if (fails) throw new Error(`${name} failed`);
  return `${name} ok`;
}

const tests = check('tests', 200, true);
const build = check('build', 600);
try {
  // tests rejects while we wait here,
  // and nothing is listening to it.
  console.log(await build);
  console.log(await tests);
} catch (error) {
  console.log(`caught: ${(error as Error).message}`);
}
