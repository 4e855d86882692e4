/**
 * Learner code at its worst: each case gets a clear verdict, and the
 * harness, the judge and this test run all carry on.
 */
import { describe, expect, test } from 'vitest';
import { checkSource } from '../src/lib/node/check-file.ts';

const EXERCISE = 'first-coroutine';
const runsCheck = async (source: string) => {
  const { verdict, observation } = await checkSource(EXERCISE, source);
  const runs = verdict.checks.find((c) => c.id === 'runs')!;
  return { verdict, runs, observation };
};

const main = (body: string) => `import { operation } from '@course/helpers';\nexport async function main(): Promise<void> {\n${body}\n}\n`;

describe('bad learner code gets a clear verdict', () => {
  test.each([
    ['a syntax error', `export async function main() {\n  console.log('Starting'\n  await operation();\n}\n`, /syntax error.*line 3, column \d+/i],
    ['an early error TypeScript-stripping lets through', `let a = 1;\nlet a = 2;\nexport async function main() {}\n`, /syntax error.*already been declared.*line 2/i],
    ['a throw of a non-Error value', main(`  console.log('Starting');\n  throw 'oops';`), /crashed: oops \(a string was thrown, not an Error\)/],
    ['a throw of undefined', main(`  throw undefined;`), /crashed: undefined was thrown/],
    ['a TypeError, with its line', main(`  const user: any = undefined;\n  console.log(user.name);`), /crashed: TypeError: Cannot read properties of undefined.*\(line 4, column \d+\)/],
    ['a call to process.exit', main(`  console.log('Starting');\n  process.exit(1);`), /process\.exit\(1\).*ends the whole program/],
    ['a promise that never settles', main(`  console.log('Starting');\n  await new Promise(() => {});`), /main never finished: it is waiting on a promise that nothing will ever resolve/],
    ['an interval that keeps main waiting', main(`  setInterval(() => {}, 100);\n  await new Promise(() => {});`), /main had not finished after 120 s of simulated time; still running: setInterval 100 ms/],
    ['an async loop that only ever yields to immediates', main(`  for (;;) await new Promise((r) => setImmediate(r));`), /fired more than 200,000 timers/],
    ['an async loop that only ever yields to timers', main(`  for (;;) await new Promise((r) => setTimeout(r, 0));`), /main had not finished after 120 s of simulated time; still running: setTimeout 0 ms/],
    ['a module that never exports main', `export async function mian() {}\n`, /doesn't export `main`/],
    ['an export of the wrong kind', `export const main = 42;\n`, /`main` must be a function/],
    ['an import of a module the sandbox lacks', `import { readFile } from 'node:fs';\nexport async function main() { void readFile; }\n`, /Cannot find module 'node:fs'/],
    ['an uncaught error in a timer callback', main(`  setTimeout(() => { throw new RangeError('bad range'); }, 10);\n  await operation();`), /Uncaught RangeError: bad range \(line 3/],
  ])('%s', async (_name, source, expected) => {
    const { runs, verdict } = await runsCheck(source);
    expect(verdict.passed).toBe(false);
    expect(runs.passed).toBe(false);
    expect(runs.message).toMatch(expected);
    // Generous: 200,000 timers take a while on a loaded machine; the verdict doesn't change, only the wait.
  }, 120_000);

  test.each([
    ['an endless synchronous loop', main(`  console.log('Starting');\n  while (true) {}`)],
    ['an endless loop of microtasks', main(`  console.log('Starting');\n  for (;;) await null;`)],
  ])('%s is stopped at the budget and keeps the output so far', async (_name, source) => {
    const { runs, observation } = await runsCheck(source);
    expect(runs.passed).toBe(false);
    expect(runs.message).toMatch(/ran for more than 3 s and was stopped/);
    expect(observation.scenarios[0].logs.map((l) => l.text)).toEqual(['Starting']);
  }, 60_000);

  test('a million log lines are capped, and the verdict says so', async () => {
    const { verdict, observation } = await checkSource(
      EXERCISE,
      main(`  console.log('Starting');\n  for (let i = 0; i < 1_000_000; i++) console.log('line', i);\n  await operation();\n  console.log('Finished');`),
    );
    const o = observation.scenarios[0];
    expect(o.logs).toHaveLength(1000);
    expect(o.droppedLines).toBe(1_000_001 - 1000 + 1);
    expect(o.outputTruncated).toBe(true);
    expect(verdict.checks.find((c) => c.id === 'runs')!.message).toMatch(/output was cut: only the first 1,000 lines were kept and 999,002 more were dropped/);
    expect(verdict.checks.find((c) => c.id === 'output')!.message).toMatch(/Output was cut after 1000 lines/);
  });

  test('a 50 MB line is shortened, not kept whole', async () => {
    const { observation } = await checkSource(EXERCISE, main(`  console.log('x'.repeat(50_000_000));`));
    const line = observation.scenarios[0].logs[0].text;
    expect(line.length).toBeLessThan(20_000);
    expect(line).toMatch(/49,990,000 more characters not shown/);
  });

  test('an unhandled rejection is reported with when it happened', async () => {
    const { observation } = await checkSource(
      EXERCISE,
      main(`  console.log('Starting');\n  Promise.reject(new Error('nobody catches me'));\n  await operation();\n  console.log('Finished');`),
    );
    const [error] = observation.scenarios[0].errors;
    expect(error).toMatchObject({ kind: 'unhandled-rejection', t: 0 });
    expect(error.message).toMatch(/Unhandled promise rejection: Error: nobody catches me \(line 4/);
  });

  test('reassigning console in learner code cannot rewrite what was observed', async () => {
    const { observation } = await checkSource(
      EXERCISE,
      main(`  console.log('Starting');\n  (globalThis as any).console = { log() {} };\n  console.log('hidden?');\n  await operation();`),
    );
    expect(observation.scenarios[0].logs.map((l) => l.text)).toEqual(['Starting']);
  });
});

describe('determinism', () => {
  test.each([
    ['the reference solution', main(`  console.log('Starting');\n  await operation();\n  console.log('Finished');`)],
    ['a wrong answer', main(`  console.log('Starting');\n  operation();\n  console.log('Finished');`)],
  ])('%s gets the identical verdict 50 times in a row', async (_name, source) => {
    const first = JSON.stringify((await checkSource(EXERCISE, source)).verdict);
    for (let i = 1; i < 50; i++) {
      expect(JSON.stringify((await checkSource(EXERCISE, source)).verdict)).toBe(first);
    }
    // Fifty fresh workers: generous, so a loaded machine slows this test down without failing it.
  }, 300_000);
});
