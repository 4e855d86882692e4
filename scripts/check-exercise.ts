/**
 * Check learner code against an exercise, from the terminal:
 *
 *   npm run check:exercise -- <id> <file.ts>     verdict, exit 0 (pass) or 1 (fail)
 *   npm run check:exercise -- <id> <file.py>     the same for a Python answer (the exercises in
 *                                                PYTHON_ENTRIES, src/lib/python/exercise.ts; README there)
 *   npm run check:exercise -- <id> <file.ts> --json
 *   npm run check:exercise -- --list             the exercise ids
 *
 * Usage errors (unknown id, missing file, bad flag) exit 2 with one line.
 * The code runs in a worker thread on the virtual clock, as in the page.
 */
import { existsSync, readFileSync } from 'node:fs';
import { exerciseIds } from '../src/lib/node/exercises.ts';
import { checkSource } from '../src/lib/node/check-file.ts';
import type { Verdict } from '../src/lib/judge/verdict.ts';

const USAGE = 'usage: check-exercise <id> <file.ts|file.py> [--json] [--seed N] | --list';

function usage(reason: string): never {
  process.stderr.write(`check-exercise: ${reason}\n${USAGE}\n`);
  process.exit(2);
}

const args = process.argv.slice(2);
let json = false;
let list = false;
let seed: number | undefined;
const positional: string[] = [];
for (let i = 0; i < args.length; i++) {
  const arg = args[i];
  if (arg === '--json') json = true;
  else if (arg === '--list') list = true;
  else if (arg === '--help' || arg === '-h') {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  } else if (arg === '--seed') {
    const value = Number(args[++i]);
    if (!Number.isInteger(value)) usage('--seed needs an integer');
    seed = value;
  } else if (arg.startsWith('-')) usage(`unknown flag ${arg}`);
  else positional.push(arg);
}

const ids = exerciseIds();
if (list) {
  process.stdout.write(`${ids.join('\n')}\n`);
  process.exit(0);
}
if (positional.length !== 2) usage(positional.length < 2 ? 'an exercise id and a file are needed' : 'too many arguments');
const [id, file] = positional;
if (!ids.includes(id)) usage(`unknown exercise "${id}" (try --list)`);
if (!existsSync(file)) usage(`no such file: ${file}`);

// A .py answer runs under CPython (or Pyodide without python3) through the Python harness, judged by the same checks.
const { verdict } = file.endsWith('.py')
  ? await (await import('../src/lib/python/check-python.ts')).checkPythonSource(id, readFileSync(file, 'utf8'), { seed })
  : await checkSource(id, readFileSync(file, 'utf8'), { seed });
process.stdout.write(json ? `${JSON.stringify(verdict, null, 2)}\n` : render(verdict, file));
process.exit(verdict.passed ? 0 : 1);

function render(verdict: Verdict, file: string): string {
  const color = process.stdout.isTTY && !process.env.NO_COLOR;
  const paint = (code: number, text: string) => (color ? `\x1b[${code}m${text}\x1b[0m` : text);
  const lines = [`${verdict.exercise}: ${file}`, ''];
  for (const check of verdict.checks) {
    const mark = check.passed ? paint(32, '✓ PASS') : check.skippedBecause ? paint(33, '– SKIP') : paint(31, '✗ FAIL');
    lines.push(`${mark}  ${check.title}  [${check.id}]${check.skippedBecause ? `  (because of ${check.skippedBecause})` : ''}`);
    if (!check.passed) {
      lines.push(...check.message.split('\n').map((l) => `        ${l}`));
      if (check.detail) lines.push(`        (the engine said: ${check.detail})`);
      if (check.diff) {
        lines.push('        expected (-) against printed (+):');
        // The page's words for a line printed at another time (src/islands/view-model.ts diffRows).
        const note = (d: (typeof check.diff)[number]) => (!d.moved ? '' : d.op === '-' ? `  (printed ${d.moved})` : `  (${d.moved} than expected)`);
        for (const d of check.diff) lines.push(`          ${d.op === '-' ? paint(31, `- ${d.text}${note(d)}`) : d.op === '+' ? paint(32, `+ ${d.text}${note(d)}`) : `  ${d.text}`}`);
      } else if (check.expected !== undefined || check.actual !== undefined) {
        lines.push(`        expected: ${JSON.stringify(check.expected)}`, `        actual:   ${JSON.stringify(check.actual)}`);
      }
    }
  }
  lines.push('', verdict.passed ? paint(32, verdict.summary) : paint(31, verdict.summary), '');
  return lines.join('\n');
}
