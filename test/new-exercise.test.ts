/**
 * `npm run new:exercise` scaffolds a folder the registry accepts and whose
 * fixtures behave: the solution passes, the starter fails, the wrong answer
 * fails the check it names. It scaffolds into a temp dir, never the repo.
 * Also: the registry names a folder that is incomplete, and what is missing.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { checkSource } from '../src/lib/node/check-file.ts';
import { exerciseIds, loadExercise } from '../src/lib/node/exercises.ts';
import { readExerciseFolder } from '../src/lib/exercise/folder.ts';

const root = mkdtempSync(join(tmpdir(), 'new-exercise-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const scaffold = (...args: string[]) =>
  spawnSync(process.execPath, ['scripts/new-exercise.ts', ...args, '--root', root], { encoding: 'utf8', timeout: 30_000 });

test('a scaffolded exercise is complete, and its fixtures pass and fail as declared', async () => {
  const made = scaffold('greet-later');
  expect(made.status, made.stderr).toBe(0);
  const exercise = loadExercise('greet-later', root);
  expect(exercise.meta.title).toBeTruthy();
  expect(exercise.task.length).toBeGreaterThan(10);

  expect((await checkSource('greet-later', exercise.solution, { root })).verdict.passed).toBe(true);
  for (const accepted of exercise.accepted) expect((await checkSource('greet-later', accepted.source, { root })).verdict.passed).toBe(true);
  expect((await checkSource('greet-later', exercise.starter, { root })).verdict.passed).toBe(false);
  expect(exercise.wrong.length).toBeGreaterThan(0);
  for (const wrong of exercise.wrong) {
    const { verdict } = await checkSource('greet-later', wrong.source, { root });
    const check = verdict.checks.find((c) => c.id === wrong.expect.check);
    expect(check?.passed).toBe(false);
    expect(check?.message).toContain(wrong.expect.phrase);
  }
}, 60_000);

test('the scaffolder refuses a bad id and an existing folder', () => {
  expect(scaffold('Not An Id').status).toBe(2);
  expect(scaffold('twice').status).toBe(0);
  const again = scaffold('twice');
  expect(again.status).toBe(2);
  expect(again.stderr).toContain('already exists');
});

test('an incomplete folder fails the registry, naming the folder and what is missing', () => {
  expect(scaffold('half-done').status).toBe(0);
  unlinkSync(join(root, 'half-done', 'task.md'));
  unlinkSync(join(root, 'half-done', 'check.ts'));
  expect(() => exerciseIds(root)).toThrow('content/exercises/half-done/: missing task.md, check.ts');
});

test('a wrong answer without its expect header is named', () => {
  expect(() =>
    readExerciseFolder('x', {
      'exercise.json': JSON.stringify({ title: 'Xyz', section: 'coroutines', hints: ['abc'] }),
      'task.md': 'Do the thing well.',
      'starter.ts': '',
      'solution.ts': '',
      'check.ts': '',
      'wrong/bare.ts': 'export {}',
    }),
  ).toThrow('wrong/bare.ts: a wrong answer must start with // expect: fails');
});
