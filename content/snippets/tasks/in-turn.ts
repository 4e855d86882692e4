import { sleep } from '@course/helpers';

// Stands in for a slow job: a linter, a test run, a bundler.
async function check(name: string, ms: number) {
  console.log(`${name}: started`);
  await sleep(ms);
  console.log(`${name}: passed`);
  return `${name} ok`;
}

const started = Date.now();
// Each await waits for one check before the next is even started.
const lint = await check('lint', 400);
const tests = await check('tests', 900);
const build = await check('build', 600);
console.log(`${lint}, ${tests}, ${build}`);
console.log(`all checks: ${Date.now() - started} ms`);
