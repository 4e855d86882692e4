/**
 * Every exercise's fixtures through the same harness and judge the page
 * uses: the reference and accepted answers pass, the starter fails cleanly,
 * and each wrong answer fails the check it names with the words it names.
 */
import { describe, expect, test } from 'vitest';
import { exerciseIds, loadExercise } from '../src/lib/node/exercises.ts';
import { checkSource, loadSpec, seedFor, verdictFor } from '../src/lib/node/check-file.ts';
import { judge } from '../src/lib/judge/judge.ts';
import type { Observation } from '../src/lib/harness/observation.ts';

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

describe('the judge trusts only the spec and the seed its caller computed', () => {
  const id = 'dont-block-the-loop';
  const exercise = loadExercise(id);

  test('expected values come from the seed: changing what the Observation carries changes nothing', async () => {
    const { verdict, observation } = await checkSource(id, exercise.solution);
    expect(verdict.passed).toBe(true);
    const forged: Observation = {
      ...observation,
      seed: observation.seed + 1,
      scenarios: observation.scenarios.map((s) => ({ ...s, params: { limit: 3, expected: 1 } })),
    };
    expect(verdictFor(await loadSpec(exercise), forged, exercise.solution)).toEqual(verdict);
  });

  test('an answer judged against another seed is judged against that seed’s cases', async () => {
    const { observation } = await checkSource(id, exercise.solution);
    const spec = await loadSpec(exercise);
    // Find a seed whose generated limit differs from the one this run used.
    const other = [1, 2, 3, 4, 5].find((s) => judge(spec, observation, { seed: s }).passed === false);
    expect(other, 'some other seed gives a different generated case').toBeDefined();
    const result = judge(spec, observation, { seed: other! }).checks.find((c) => c.id === 'result');
    expect(result?.passed).toBe(false);
  });

  test('an Observation whose cases are not the ones this seed gives is refused', async () => {
    const { observation } = await checkSource(id, exercise.solution);
    const spec = await loadSpec(exercise);
    const seed = seedFor(exercise.solution);
    const renamed: Observation = { ...observation, scenarios: observation.scenarios.map((s, i) => (i === 1 ? { ...s, scenario: 'made-up' } : s)) };
    const extra: Observation = { ...observation, scenarios: [...observation.scenarios, observation.scenarios[0]] };
    for (const forged of [renamed, extra]) {
      const verdict = judge(spec, forged, { seed });
      expect(verdict.passed).toBe(false);
      expect(verdict.checks[0].message).toContain("can't accept");
    }
    // A run stopped early (a runaway) holds only the first cases: that is not refused.
    const stopped: Observation = { ...observation, scenarios: observation.scenarios.slice(0, 1) };
    expect(judge(spec, stopped, { seed }).checks[0].message).not.toContain("can't accept");
  });
});
