/**
 * What an exercise folder must hold, checked in one place: the build (from
 * Vite's glob) and the CLI and tests (from the disk) hand this the same
 * files, so they agree on what an exercise is. Pure: no fs, no Vite.
 *
 *   content/exercises/<id>/
 *     exercise.json   title, section, hints, budgets (meta.ts)
 *     task.md         the task statement, in Markdown
 *     starter.ts      what the learner starts from
 *     solution.ts     the reference solution
 *     check.ts        default-exports defineExercise({...})
 *     accepted/*.ts   other correct answers
 *     wrong/*.ts      typical mistakes, each starting with
 *                     // expect: fails <check-id> "phrase the message must contain"
 */
import { parseExerciseMeta, type ExerciseMeta } from './meta.ts';

const REQUIRED_FILES = ['exercise.json', 'task.md', 'starter.ts', 'solution.ts', 'check.ts'] as const;

/** A wrong answer's expectation: the check that must fail, and words its message must contain. */
interface FixtureExpectation {
  check: string;
  phrase: string;
}

interface Fixture {
  /** Path inside the folder, e.g. "wrong/no-await.ts". */
  file: string;
  source: string;
}

export interface ExerciseFolder {
  id: string;
  meta: ExerciseMeta;
  /** Markdown. */
  task: string;
  starter: string;
  solution: string;
  accepted: Fixture[];
  wrong: Array<Fixture & { expect: FixtureExpectation }>;
}

const HEADER = /^\s*\/\/\s*expect:\s*fails\s+([\w-]+)\s+"([^"]+)"/m;

/** Reads a wrong answer's `// expect: fails <check> "<phrase>"` line; throws naming the file if there is none. */
function parseWrongHeader(source: string, file: string): FixtureExpectation {
  const match = HEADER.exec(source);
  if (!match) throw new Error(`${file}: a wrong answer must start with // expect: fails <check-id> "phrase"`);
  return { check: match[1], phrase: match[2] };
}

/** An exercise id is its folder's name: lower-case words joined by hyphens (it becomes a URL). */
export const EXERCISE_ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/**
 * Checks one folder, given its files by path inside it ("exercise.json",
 * "wrong/x.ts"). Throws one Error naming the folder and everything wrong.
 */
export function readExerciseFolder(id: string, files: Readonly<Record<string, string>>): ExerciseFolder {
  const where = `content/exercises/${id}/`;
  const problems: string[] = [];
  if (!EXERCISE_ID.test(id)) problems.push(`the folder name "${id}" is not a valid id (lower-case words joined by hyphens)`);
  const missing = REQUIRED_FILES.filter((name) => files[name] === undefined);
  if (missing.length) problems.push(`missing ${missing.join(', ')}`);
  let meta: ExerciseMeta | undefined;
  if (files['exercise.json'] !== undefined) {
    try {
      meta = parseExerciseMeta(files['exercise.json'], 'exercise.json');
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  const task = files['task.md'];
  if (task !== undefined && task.trim().length < 10) problems.push('task.md: the task statement is empty');
  const fixtures = (dir: string): Fixture[] =>
    Object.keys(files)
      .filter((path) => path.startsWith(`${dir}/`) && path.endsWith('.ts'))
      .sort()
      .map((file) => ({ file, source: files[file] }));
  const wrong: ExerciseFolder['wrong'] = [];
  for (const fixture of fixtures('wrong')) {
    try {
      wrong.push({ ...fixture, expect: parseWrongHeader(fixture.source, fixture.file) });
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  if (problems.length || !meta || task === undefined) throw new Error(`${where}: ${problems.join('; ')}`);
  return { id, meta, task, starter: files['starter.ts'], solution: files['solution.ts'], accepted: fixtures('accepted'), wrong };
}

/**
 * Groups files found under content/exercises/ (by any path ending in
 * `<id>/<file>` or `<id>/wrong/<file>`) into folders, and checks each. Any
 * bad folder fails the whole call, so a build never drops one silently.
 */
export function readExerciseFolders(files: Readonly<Record<string, string>>, root: string): ExerciseFolder[] {
  const byId = new Map<string, Record<string, string>>();
  for (const [path, text] of Object.entries(files)) {
    const inside = path.startsWith(root) ? path.slice(root.length) : undefined;
    if (!inside) continue;
    const [id, ...rest] = inside.split('/');
    if (!rest.length) continue;
    const folder = byId.get(id) ?? {};
    folder[rest.join('/')] = text;
    byId.set(id, folder);
  }
  return [...byId.keys()].sort().map((id) => readExerciseFolder(id, byId.get(id)!));
}
