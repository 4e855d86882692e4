import { sleep } from '@course/helpers';

async function check(name: string, ms: number) {
  console.log(`${name}: started`);
  await sleep(ms);
  console.log(`${name}: passed`);
  return `${name} ok`;
}

const started = Date.now();
const results = await Promise.all([
  check('lint', 400),
  check('tests', 900),
  check('build', 600),
]);
// In the order given, not the order finished:
console.log(results.join(', '));
const took = (Date.now() - started) / 1000;
console.log(`all checks: ${took.toFixed(1)} s`);
