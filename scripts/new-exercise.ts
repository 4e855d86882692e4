/**
 * Scaffolds a new exercise folder that builds and checks from the start:
 *
 *   npm run new:exercise -- <id>            into content/exercises/<id>/
 *   npm run new:exercise -- <id> --root D   into D/<id>/ (the tests use a temp dir)
 *
 * The folder holds a task, a starter, a solution, a check (defineExercise
 * with one case and one check) and a wrong answer; edit each to the real
 * exercise, then run `npm run check:exercise -- <id> content/exercises/<id>/solution.ts`.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXERCISE_ID } from '../src/lib/exercise/folder.ts';
import { RUN_BUDGET_MS } from '../src/lib/harness/limits.ts';

const args = process.argv.slice(2);
const rootFlag = args.indexOf('--root');
const root = rootFlag >= 0 ? resolve(args[rootFlag + 1] ?? '') : fileURLToPath(new URL('../content/exercises/', import.meta.url));
// Without --root (rootFlag -1) nothing is skipped: `rootFlag + 1` would otherwise drop the id itself.
const id = args.filter((_, i) => rootFlag < 0 || (i !== rootFlag && i !== rootFlag + 1))[0];

function stop(reason: string): never {
  process.stderr.write(`new-exercise: ${reason}\nusage: new-exercise <id> [--root DIR]\n`);
  process.exit(2);
}

if (!id) stop('an exercise id is needed, e.g. npm run new:exercise -- retry-with-backoff');
if (!EXERCISE_ID.test(id)) stop(`"${id}" is not a valid id: lower-case words joined by hyphens`);
const dir = join(root, id);
if (existsSync(dir)) stop(`${dir} already exists`);

// check.ts imports the kit by a path relative to where the folder is.
const kit = relative(dir, fileURLToPath(new URL('../src/lib/exercise/kit.ts', import.meta.url))).split('\\').join('/');

const files: Record<string, string> = {
  'exercise.json': `${JSON.stringify(
    {
      title: 'Greet after a wait',
      section: 'coroutines',
      hints: ['Make `main` an `async function`.', 'Wait with `await sleep(ms)`, then print the greeting.'],
      budgetMs: RUN_BUDGET_MS,
    },
    null,
    2,
  )}\n`,
  'task.md':
    'Write and export `async function main(name: string)`. It waits 100 ms with `sleep` from `@course/helpers`, then prints `Hello, <name>!`. The course calls `main` for you: export it, don\'t call it.\n',
  'starter.ts': `import { sleep } from '@course/helpers';

// Wait 100 ms, then print "Hello, <name>!".
export async function main(name: string): Promise<void> {
  // your code here
}
`,
  'solution.ts': `import { sleep } from '@course/helpers';

export async function main(name: string): Promise<void> {
  await sleep(100);
  console.log(\`Hello, \${name}!\`);
}
`,
  'check.ts': `import { defineExercise, ms, nothingFloating, outputIs } from '${kit.startsWith('.') ? kit : `./${kit}`}';

/** A case: who main greets. Check's name is drawn from the seed, so a hard-coded greeting fails. */
type Case = { name: string };

export default defineExercise({
  exports: { main: 'function' },
  example: { name: 'Ada' },
  cases: { generated: (rng) => ({ name: rng.pick(['Grace', 'Alan', 'Barbara', 'Edsger']) }) },
  setup: (c: Case) => ({ call: (x) => x.main(c.name) }),
  checks: [
    outputIs((c) => [\`Hello, \${c.name}!\`]),
    {
      id: 'waits',
      title: 'Prints only after waiting 100 ms',
      verify: (o) => {
        const line = o.logs[0];
        if (!line || line.t >= 100) return undefined;
        return \`The greeting was printed at \${ms(line.t)}, before the 100 ms wait was over: \\\`await\\\` the sleep.\`;
      },
    },
    nothingFloating(),
  ],
});
`,
  'accepted/then.ts': `import { sleep } from '@course/helpers';

export function main(name: string): Promise<void> {
  return sleep(100).then(() => console.log(\`Hello, \${name}!\`));
}
`,
  'wrong/no-await.ts': `// expect: fails waits "before the 100 ms wait was over"
import { sleep } from '@course/helpers';

export async function main(name: string): Promise<void> {
  sleep(100);
  console.log(\`Hello, \${name}!\`);
}
`,
};

for (const [name, text] of Object.entries(files)) {
  mkdirSync(join(dir, name, '..'), { recursive: true });
  writeFileSync(join(dir, name), text);
}
process.stdout.write(
  `Created ${dir}\nNext: edit task.md, starter.ts, solution.ts and check.ts, then run\n` +
    `  npm run check:exercise -- ${id} ${join(dir, 'solution.ts')}\n  npx vitest run test/exercises.test.ts -t ${id}\n`,
);
