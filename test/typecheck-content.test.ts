/**
 * The course's own code type-checks with the types learners get (the Types
 * check of src/lib/typecheck/), and the wrong answers that forget an `await`
 * are caught by a course diagnostic where TypeScript can see the mistake.
 */
import { describe, expect, test } from 'vitest';
import { exerciseIds, loadExercise } from '../src/lib/node/exercises.ts';
import { listSnippets, readSnippet } from '../src/lib/snippets/files.ts';
import { parseDirectives } from '../src/lib/snippets/directives.ts';
import { typeCheckSource } from '../src/lib/typecheck/node-files.ts';
import type { TypeDiagnostic } from '../src/lib/typecheck/service.ts';
import { basename } from 'node:path';

const show = (found: TypeDiagnostic[]) => found.map((d) => `${d.line}:${d.column} [${d.code}] ${d.message}`).join('\n');
const exercises = exerciseIds().map((id) => loadExercise(id));

describe.each(exercises.flatMap((e) => [{ name: `${e.id}/solution.ts`, source: e.solution }, ...e.accepted.map((a) => ({ name: `${e.id}/accepted/${basename(a.file)}`, source: a.source }))]))(
  '$name',
  ({ source }) => {
    test('type-checks: no TypeScript error and no course error', () => {
      const errors = typeCheckSource(source).filter((d) => d.severity === 'error');
      expect(errors, show(errors)).toEqual([]);
    });
  },
);

describe.each(exercises.map((e) => ({ name: `${e.id}/starter.ts`, source: e.starter })))('$name', ({ source }) => {
  test('has no TypeScript error (a starter may hold the very mistake the exercise teaches)', () => {
    const errors = typeCheckSource(source).filter((d) => d.source === 'typescript');
    expect(errors, show(errors)).toEqual([]);
  });
});

/**
 * Snippets that show a mistake on purpose (a lesson about the mistake), with
 * the course diagnostics they must get. Every other snippet gets none.
 */
const DEMONSTRATIONS: Record<string, string[]> = {
  'cheatsheet/never-retrieved.ts': ['floating-promise'],
  'coroutines/eager-start.ts': ['promise-as-value'],
  'event-loop/pending-then.ts': ['floating-promise'],
  'event-loop/predict-order.ts': ['floating-promise'],
  'pitfalls/fire-and-forget.ts': ['floating-promise'],
  'pitfalls/forgot-await.ts': ['promise-as-value'],
  'pitfalls/predict-for-each.ts': ['async-foreach'],
  // The promises lesson calls `.then` on a promise at top level to show when callbacks run.
  'promises/predict-executor.ts': ['floating-promise'],
  'promises/settles-once.ts': ['floating-promise'],
};

describe.each(listSnippets('.ts'))('snippet %s', (src) => {
  const source = readSnippet(src);
  const node = parseDirectives(source, src).runsIn === 'node';
  test(`type-checks with ${node ? "Node's types" : "the course's types"}`, () => {
    const found = typeCheckSource(source, { node });
    const compiler = found.filter((d) => d.source === 'typescript');
    expect(compiler, show(compiler)).toEqual([]);
    expect(found.filter((d) => d.source === 'course').map((d) => d.code)).toEqual(DEMONSTRATIONS[src] ?? []);
  });
});

/**
 * The wrong answers whose mistake is a missing `await` (or its cousins: an
 * async forEach, a `.then` chain nobody waits for, a `return` without await
 * in a try), with the diagnostic that names it. TypeScript can't see the
 * others: they await too late, in the wrong order, or not at all on purpose
 * (hard-coded output, races), and the behavioural checks catch them.
 */
const CAUGHT: Record<string, string[]> = {
  'await-everything/email-not-awaited.ts': ['floating-promise'],
  'await-everything/empty-catch.ts': ['floating-promise'],
  'await-everything/foreach-save.ts': ['async-foreach'],
  'await-everything/guessed-sleep.ts': ['floating-promise'],
  'await-everything/save-not-awaited.ts': ['floating-promise'],
  'await-everything/then-not-awaited.ts': ['floating-promise'],
  'dont-block-the-loop/missing-await.ts': ['floating-promise'],
  'event-loop-order/forEach-async.ts': ['async-foreach'],
  'fetch-all/forEach-async.ts': ['async-foreach'],
  'first-coroutine/calls-main-itself.ts': ['floating-promise'],
  'first-coroutine/no-await.ts': ['floating-promise'],
  'first-coroutine/then-not-returned.ts': ['floating-promise'],
  'first-coroutine/timer-instead-of-await.ts': ['floating-promise'],
  'first-coroutine/twice.ts': ['floating-promise'],
  'handle-errors/foreach-async.ts': ['async-foreach'],
  'limit-concurrency/foreach-async.ts': ['async-foreach'],
  'order-then-cook/cook-not-awaited.ts': ['floating-promise'],
  'order-then-cook/no-await.ts': ['promise-as-value'],
  'run-concurrently/awaits-only-the-slowest.ts': ['floating-promise', 'floating-promise'],
  'run-concurrently/all-not-awaited-destructured.ts': ['promise-as-value'],
  'run-concurrently/all-not-awaited-join.ts': ['promise-as-value'],
  'run-concurrently/forEach-async.ts': ['async-foreach'],
  'run-concurrently/functions-not-calls.ts': ['promise-all-functions', 'promise-all-functions', 'promise-all-functions'],
  'sync-vs-async/foreach-async.ts': ['async-foreach'],
  'sync-vs-async/missing-await.ts': ['floating-promise'],
  'timeout-and-cancel/return-without-await.ts': ['return-without-await'],
};

const wrong = exercises.flatMap((e) => e.wrong.map((w) => ({ name: `${e.id}/${basename(w.file)}`, source: w.source })));

describe.each(wrong)('wrong answer $name', ({ name, source }) => {
  const expected = CAUGHT[name] ?? [];
  test(expected.length ? `is caught by ${[...new Set(expected)].join(', ')}` : 'has no course diagnostic (its mistake is not visible to the types)', () => {
    const found = typeCheckSource(source).filter((d) => d.source === 'course');
    expect(found.map((d) => d.code), show(found)).toEqual(expected);
  });
  test('has no TypeScript error apart from the mistake', () => {
    const compiler = typeCheckSource(source).filter((d) => d.source === 'typescript');
    expect(compiler, show(compiler)).toEqual([]);
  });
});

test('every fixture listed as caught exists', () => {
  for (const name of [...Object.keys(CAUGHT)]) expect(wrong.map((w) => w.name)).toContain(name);
  for (const name of Object.keys(DEMONSTRATIONS)) expect(listSnippets('.ts')).toContain(name);
});
