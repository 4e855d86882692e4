/**
 * The exercises, for Node (the CLI and the tests): every folder under
 * content/exercises/, read from disk and checked by the same rules the build
 * uses (src/lib/exercise/folder.ts). An incomplete folder is an error that
 * names it, never a folder quietly skipped.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readExerciseFolder, type ExerciseFolder } from '../exercise/folder.ts';

export const EXERCISES_DIR = resolve(fileURLToPath(new URL('../../../content/exercises/', import.meta.url)));

export interface ExerciseFiles extends ExerciseFolder {
  dir: string;
  checkPath: string;
}

/** Every file in a folder and its wrong/ and accepted/ subfolders, by path inside the folder. */
function filesIn(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      for (const inner of readdirSync(path)) {
        if (statSync(join(path, inner)).isFile()) files[`${name}/${inner}`] = readFileSync(join(path, inner), 'utf8');
      }
    } else files[name] = readFileSync(path, 'utf8');
  }
  return files;
}

/** The ids of every exercise folder, each checked (throws naming the first bad folder). */
export function exerciseIds(root = EXERCISES_DIR): string[] {
  if (!existsSync(root)) return [];
  const ids = readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  for (const id of ids) loadExercise(id, root);
  return ids;
}

export function loadExercise(id: string, root = EXERCISES_DIR): ExerciseFiles {
  const dir = join(root, id);
  if (!existsSync(dir)) throw new Error(`content/exercises/${id}/: there is no such exercise folder`);
  const folder = readExerciseFolder(id, filesIn(dir));
  const absolute = <T extends { file: string }>(f: T): T => ({ ...f, file: join(dir, f.file) });
  return { ...folder, dir, checkPath: join(dir, 'check.ts'), wrong: folder.wrong.map(absolute), accepted: folder.accepted.map(absolute) };
}
