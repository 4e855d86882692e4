/**
 * Finds exercises on disk: `content/exercises/<id>/` with exercise.json,
 * starter.ts, solution.ts, check.ts, wrong/*.ts and accepted/*.ts.
 * Adding an exercise means adding such a folder; nothing else lists them.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseExerciseMeta, parseFixtureExpectation, type ExerciseMeta, type FixtureExpectation } from '../exercise/meta.ts';

export const EXERCISES_DIR = resolve(fileURLToPath(new URL('../../../content/exercises/', import.meta.url)));

export interface ExerciseFiles {
  id: string;
  dir: string;
  meta: ExerciseMeta;
  checkPath: string;
  starter: string;
  solution: string;
  wrong: Array<{ file: string; source: string; expect: FixtureExpectation }>;
  accepted: Array<{ file: string; source: string }>;
}

export function exerciseIds(root = EXERCISES_DIR): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(root, d.name, 'exercise.json')))
    .map((d) => d.name)
    .sort();
}

export function loadExercise(id: string, root = EXERCISES_DIR): ExerciseFiles {
  const dir = join(root, id);
  const read = (name: string) => readFileSync(join(dir, name), 'utf8');
  const listTs = (sub: string) =>
    existsSync(join(dir, sub))
      ? readdirSync(join(dir, sub))
          .filter((f) => f.endsWith('.ts'))
          .sort()
          .map((f) => ({ file: join(dir, sub, f), source: readFileSync(join(dir, sub, f), 'utf8') }))
      : [];
  return {
    id,
    dir,
    meta: parseExerciseMeta(read('exercise.json'), join(dir, 'exercise.json')),
    checkPath: join(dir, 'check.ts'),
    starter: read('starter.ts'),
    solution: read('solution.ts'),
    wrong: listTs('wrong').map((w) => ({ ...w, expect: parseFixtureExpectation(w.source, w.file) })),
    accepted: listTs('accepted'),
  };
}
