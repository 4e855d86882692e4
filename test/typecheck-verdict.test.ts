/**
 * The Types check merged into a verdict (src/lib/judge/types-check.ts), and
 * the CLI's verdict, which includes it.
 */
import { describe, expect, test } from 'vitest';
import { withTypesCheck, TYPES_CHECK_ID, type TypeProblem } from '../src/lib/judge/types-check.ts';
import type { Verdict } from '../src/lib/judge/verdict.ts';
import { checkSource } from '../src/lib/node/check-file.ts';
import { loadExercise } from '../src/lib/node/exercises.ts';

const verdict = (passed: boolean[]): Verdict => {
  const failed = passed.filter((p) => !p).length;
  return {
    exercise: 'x',
    passed: failed === 0,
    checks: passed.map((p, i) => ({ id: i === 0 ? 'runs' : `c${i}`, title: `check ${i}`, passed: p, message: p ? 'ok' : 'no' })),
    summary: failed === 0 ? 'All checks passed' : `${failed} of ${passed.length} checks failed`,
  };
};
const typeError: TypeProblem = { line: 3, column: 9, severity: 'error', message: "Type 'string' is not assignable to type 'number'." };
const warning: TypeProblem = { line: 4, column: 3, severity: 'warning', message: 'a chain nobody awaits' };

describe('withTypesCheck', () => {
  test.each([
    // [behavioural checks, type problems, passed, summary]
    [[true, true], [], true, 'All checks passed'],
    [[true, true], [warning], true, 'All checks passed'],
    [[true, true], [typeError], false, '1 of 3 checks failed'],
    [[true, false], [typeError], false, '2 of 3 checks failed'],
    [[true, false], [], false, '1 of 3 checks failed'],
  ] as const)('checks %j with %j: passed %s, "%s"', (checks, problems, passed, summary) => {
    const merged = withTypesCheck(verdict([...checks]), [...problems]);
    expect(merged.passed).toBe(passed);
    expect(merged.summary).toBe(summary);
    // Added after "runs", the behavioural checks all still there and unchanged.
    expect(merged.checks.map((c) => c.id)).toEqual(['runs', TYPES_CHECK_ID, 'c1']);
    expect(merged.checks.filter((c) => c.id !== TYPES_CHECK_ID)).toEqual(verdict([...checks]).checks);
  });

  test("a failed Types check says TypeScript's message at its line", () => {
    const types = withTypesCheck(verdict([true]), [typeError]).checks.find((c) => c.id === TYPES_CHECK_ID)!;
    expect(types.passed).toBe(false);
    expect(types.message).toContain("Line 3: Type 'string' is not assignable to type 'number'.");
  });

  test('many errors: the first five are spelled out, the rest counted', () => {
    const many = Array.from({ length: 7 }, (_, i) => ({ ...typeError, line: i + 1 }));
    const types = withTypesCheck(verdict([true]), many).checks.find((c) => c.id === TYPES_CHECK_ID)!;
    expect(types.message).toContain('7 errors');
    expect(types.message).toContain('Line 5:');
    expect(types.message).not.toContain('Line 6:');
    expect(types.message).toContain('2 more');
  });

  test('when the types could not be checked, the verdict is unchanged', () => {
    const before = verdict([true, false]);
    expect(withTypesCheck(before, undefined)).toEqual(before);
  });

  test('merging twice replaces the Types check instead of adding another', () => {
    const once = withTypesCheck(verdict([true]), [typeError]);
    const twice = withTypesCheck(once, []);
    expect(twice.checks.filter((c) => c.id === TYPES_CHECK_ID)).toHaveLength(1);
    expect(twice.passed).toBe(true);
  });
});

describe('the CLI verdict includes the Types check', () => {
  const solution = loadExercise('first-coroutine').solution;

  test('the reference solution passes it', async () => {
    const { verdict: v } = await checkSource('first-coroutine', solution);
    expect(v.checks.find((c) => c.id === TYPES_CHECK_ID)?.passed).toBe(true);
    expect(v.summary).toBe('All checks passed');
  });

  test('the solution with a type error added fails only on Types', async () => {
    const { verdict: v } = await checkSource('first-coroutine', `${solution}\nconst n: number = 'five';\n`);
    expect(v.passed).toBe(false);
    expect(v.checks.filter((c) => !c.passed).map((c) => c.id)).toEqual([TYPES_CHECK_ID]);
    expect(v.checks.find((c) => c.id === TYPES_CHECK_ID)?.message).toContain("Type 'string' is not assignable to type 'number'.");
  });
});
