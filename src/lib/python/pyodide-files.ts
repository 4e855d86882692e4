/**
 * Which of the `pyodide` npm package's files the page needs, and where the
 * site serves them. Shared by the build integration that copies them
 * (src/integrations/pyodide.ts), the page that fetches them
 * (src/islands/python-runner.ts) and the bench. No Node or DOM imports.
 *
 * The version is part of the path, so a new Pyodide never meets an old
 * cached file, and every path contains "pyodide" (the offline service
 * worker caches those at run time).
 */
export const PYODIDE_VERSION = '314.0.7';

/** The loader, the Emscripten module, the wasm, the standard library and the package lock. */
export const PYODIDE_FILES = ['pyodide.mjs', 'pyodide.asm.mjs', 'pyodide.asm.wasm', 'python_stdlib.zip', 'pyodide-lock.json'] as const;
export type PyodideFile = (typeof PYODIDE_FILES)[number];

/** The folder under the site's base, e.g. `pyodide/314.0.7/`. */
export const PYODIDE_DIR = `pyodide/${PYODIDE_VERSION}/`;
