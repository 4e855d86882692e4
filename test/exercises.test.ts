/**
 * Every exercise's fixtures through the same harness and judge the page
 * uses: the reference and accepted answers pass, the starter fails cleanly,
 * and each wrong answer fails the check it names with the words it names.
 */
import { describe, expect, test } from 'vitest';
import { exerciseIds, loadExercise } from '../src/lib/node/exercises.ts';
import { checkSource } from '../src/lib/node/check-file.ts';

const ids = exerciseIds();
const failedChecks = (verdict: { checks: Array<{ id: string; passed: boolean; message: string }> }) =>
  verdict.checks.filter((c) => !c.passed).map((c) => `${c.id}: ${c.message}`);

test('there are exercises to check', () => {
  expect(ids.length).toBeGreaterThan(0);
});

describe.each(ids)('%s', (id) => {
  const exercise = loadExercise(id);

  test('the reference solution passes', async () => {
    const { verdict } = await checkSource(id, exercise.solution);
    expect(failedChecks(verdict)).toEqual([]);
  });

  test('the starter fails cleanly, without crashing the harness', async () => {
    const { verdict } = await checkSource(id, exercise.starter);
    expect(verdict.passed).toBe(false);
    expect(verdict.checks.some((c) => /harness failed|checker itself failed/.test(c.message))).toBe(false);
  });

  test('has at least three wrong answers and two accepted variants', () => {
    expect(exercise.wrong.length).toBeGreaterThanOrEqual(3);
    expect(exercise.accepted.length).toBeGreaterThanOrEqual(2);
  });

  test.each(exercise.accepted.map((a) => [a.file.split('/').pop()!, a.source]))('accepted: %s passes', async (_name, source) => {
    const { verdict } = await checkSource(id, source);
    expect(failedChecks(verdict)).toEqual([]);
  });

  test.each(exercise.wrong.map((w) => [w.file.split('/').pop()!, w]))('wrong: %s fails as expected', async (_name, wrong) => {
    const { verdict } = await checkSource(id, wrong.source);
    expect(verdict.passed).toBe(false);
    const check = verdict.checks.find((c) => c.id === wrong.expect.check);
    expect(check, `no check with id ${wrong.expect.check}`).toBeDefined();
    expect(check!.passed, `${wrong.expect.check} passed; failures: ${failedChecks(verdict).join(' | ')}`).toBe(false);
    expect(check!.message).toContain(wrong.expect.phrase);
  });
});
