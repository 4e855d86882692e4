import { describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = (...args: string[]) => {
  const result = spawnSync(process.execPath, ['scripts/check-exercise.ts', ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
};
const dir = 'content/exercises/first-coroutine';

describe('check-exercise CLI', () => {
  test('exits 0 and says so when every check passes', () => {
    const { code, stdout } = cli('first-coroutine', `${dir}/solution.ts`);
    expect(code).toBe(0);
    expect(stdout).toMatch(/All checks passed/);
  });

  test('exits 1 and prints the failing check with its message', () => {
    const { code, stdout } = cli('first-coroutine', `${dir}/wrong/no-await.ts`);
    expect(code).toBe(1);
    expect(stdout).toMatch(/✗ FAIL {2}"Finished" is printed only after operation\(\) has finished {2}\[finished-after\]/);
    expect(stdout).toMatch(/before operation\(\) finished/);
  });

  test('--json prints the verdict as JSON', () => {
    const { code, stdout } = cli('first-coroutine', `${dir}/starter.ts`, '--json');
    expect(code).toBe(1);
    const verdict = JSON.parse(stdout);
    expect(verdict).toMatchObject({ exercise: 'first-coroutine', passed: false });
    expect(verdict.checks.find((c: { id: string }) => c.id === 'output').diff).toEqual([
      { op: ' ', text: 'Starting' },
      { op: '-', text: 'Finished' },
    ]);
  });

  test('--list lists the exercise ids', () => {
    const { code, stdout } = cli('--list');
    expect(code).toBe(0);
    expect(stdout.split('\n')).toContain('first-coroutine');
  });

  test.each([
    [['no-such-exercise', `${dir}/solution.ts`], /unknown exercise "no-such-exercise"/],
    [['first-coroutine', `${dir}/nope.ts`], /no such file/],
    [['first-coroutine', `${dir}/solution.ts`, '--frobnicate'], /unknown flag --frobnicate/],
    [['first-coroutine'], /an exercise id and a file are needed/],
  ])('usage error %j exits 2 with a one-line reason', (args, reason) => {
    const { code, stderr } = cli(...args);
    expect(code).toBe(2);
    expect(stderr.split('\n')[0]).toMatch(reason);
  });
});
