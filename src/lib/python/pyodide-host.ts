/**
 * Runs the Python harness inside a loaded Pyodide, wherever that Pyodide
 * lives (a page's worker, a Node worker thread). The host loads Pyodide and
 * reads the harness's files its own way (fetch, fs, a bundler's `?raw`);
 * this module puts them in Pyodide's file system and calls the harness.
 *
 * Only strings cross between JavaScript and Python here: the request as
 * JSON in, each printed line and the observation as JSON out. The caller
 * validates the observation (observe-core.ts) like the CPython path does.
 */
import { HARNESS_FILES } from './observe-core.ts';

/** The part of Pyodide's API this module uses (so a page can pass its own instance, typed loosely). */
export interface PyodideLike {
  FS: { mkdirTree(path: string): void; writeFile(path: string, data: string): void };
  runPython(code: string): unknown;
  pyimport(name: string): unknown;
}

/** Where the harness lives in Pyodide's (in-memory) file system. */
export const HARNESS_PATH = '/course/harness';

export type HarnessSources = Record<(typeof HARNESS_FILES)[number], string>;

export interface InstalledHarness {
  /** Runs one request (JSON); calls `onLine` with each printed line (JSON) as it is printed; returns the observation (JSON). */
  run(requestJson: string, onLine?: (lineJson: string) => void): string;
}

export function installHarness(pyodide: PyodideLike, sources: HarnessSources): InstalledHarness {
  pyodide.FS.mkdirTree(HARNESS_PATH);
  for (const name of HARNESS_FILES) pyodide.FS.writeFile(`${HARNESS_PATH}/${name}`, sources[name]);
  pyodide.runPython(`import sys\nif ${JSON.stringify(HARNESS_PATH)} not in sys.path:\n    sys.path.insert(0, ${JSON.stringify(HARNESS_PATH)})\nimport course_harness`);
  const harness = pyodide.pyimport('course_harness') as { run_json(request: string, emit?: (line: string) => void): string };
  return {
    run: (requestJson, onLine) => harness.run_json(requestJson, onLine ?? (() => {})),
  };
}
