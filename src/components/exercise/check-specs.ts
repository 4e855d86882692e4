/**
 * The one list of exercise check specs (content/exercises/<id>/check.ts) for
 * the code Vite bundles for the browser. Two bundles use it:
 *
 * - the workbench island, where each spec is its own lazy chunk, fetched the
 *   first time that exercise is checked;
 * - the sandbox worker (src/lib/runtime/sandbox-harness.ts), built as one
 *   classic script, so every spec is inlined there and loading one needs no
 *   network from inside the sandbox.
 *
 * So this module imports nothing but a type: whatever it pulled in would be
 * bundled into the worker too. The exercise data for pages lives in data.ts;
 * Node (the CLI, the WebContainer harness plugin) lists exercises with
 * src/lib/node/exercises.ts.
 */
import type { CheckSpec } from '../../lib/exercise/spec.ts';

const FOLDER = '/content/exercises/';
const specModules = import.meta.glob<CheckSpec>('/content/exercises/*/check.ts', { import: 'default' });

/** The loader of an exercise's check spec, or undefined when there is no such exercise. */
export function checkSpecLoader(id: string): (() => Promise<CheckSpec>) | undefined {
  return specModules[`${FOLDER}${id}/check.ts`];
}

/** The check spec of an exercise; rejects, naming it, when there is no such exercise. */
export function loadCheckSpec(id: string): Promise<CheckSpec> {
  const load = checkSpecLoader(id);
  return load ? load() : Promise.reject(new Error(`There is no check for the exercise "${id}".`));
}
