/**
 * Callbacks described for Python. Some exercises hand the learner a
 * function of the checker's (limit-concurrency's `fn`, timeout-and-cancel's
 * `work`). A probe can't turn a TypeScript function into Python, so the
 * exercise's check.ts says, where it builds the callback, what the same
 * callback is in Python: `forPython(fn, { kind: 'jobs', … })`. The
 * description (a PythonCallback, schema.ts) travels in the Python request,
 * and course.py builds the callback from it on the Python harness's clock.
 *
 * The description is kept in a module-private WeakMap, not on the function:
 * TypeScript learner code that receives `fn` sees the very same function as
 * before, with nothing more to read. check.ts bundles this module into the
 * sandbox, so it imports nothing at run time.
 */
import type { PythonCallback } from './schema.ts';

const described = new WeakMap<object, PythonCallback>();

/** Returns `fn` itself, noting what it is in Python. */
export function forPython<F extends (...args: never[]) => unknown>(fn: F, python: PythonCallback): F {
  described.set(fn, python);
  return fn;
}

/** The Python description of a callback, if its exercise gave one. */
export function pythonCallbackOf(value: unknown): PythonCallback | undefined {
  return typeof value === 'function' ? described.get(value) : undefined;
}
