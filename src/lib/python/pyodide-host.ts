/**
 * Runs the Python harness inside a loaded Pyodide, wherever that Pyodide
 * lives (a page's worker, a Node worker thread). The host loads Pyodide and
 * reads the harness's files its own way (fetch, fs, a bundler's `?raw`);
 * this module puts them in Pyodide's file system and calls the harness.
 *
 * Only strings cross between JavaScript and Python here: the request as
 * JSON in, each printed line (on Pyodide's stdout) and the observation as
 * JSON out. No JavaScript object is handed to Python. The caller validates
 * the observation (observe-core.ts) like the CPython path does.
 */
import { HARNESS_FILES, parseHarnessLine } from './observe-core.ts';
import type { PythonRequest } from './schema.ts';
import type { LogLine } from '../harness/observation.ts';

/** The part of Pyodide's API this module uses (so a page can pass its own instance, typed loosely). */
interface PyodideLike {
  FS: { mkdirTree(path: string): void; writeFile(path: string, data: string): void };
  runPython(code: string): unknown;
  pyimport(name: string): unknown;
  setStdout(options: { batched: (text: string) => void }): void;
}

/**
 * A fresh nonce per run. Not crypto.randomUUID: the sandbox frame's opaque
 * origin is not a secure context, and that needs one.
 */
function randomNonce(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Where the harness lives in Pyodide's (in-memory) file system. */
const HARNESS_PATH = '/course/harness';

export type HarnessSources = Record<(typeof HARNESS_FILES)[number], string>;

interface InstalledHarness {
  /**
   * Runs one request; calls `onLine` with each printed line (checked) as it
   * is printed; returns the observation, parsed from JSON but not yet
   * checked (toObservation does that).
   */
  run(request: PythonRequest, onLine?: (line: LogLine) => void): unknown;
}

/**
 * Installs the harness and takes over Pyodide's stdout: the harness streams
 * printed lines there, each prefixed with the run's nonce (as under
 * CPython); anything else written there is not the harness speaking and is
 * dropped. Learner output never reaches it directly: the harness captures it.
 */
export function installHarness(pyodide: PyodideLike, sources: HarnessSources): InstalledHarness {
  pyodide.FS.mkdirTree(HARNESS_PATH);
  for (const name of HARNESS_FILES) pyodide.FS.writeFile(`${HARNESS_PATH}/${name}`, sources[name]);
  let current: { nonce: string; onLine?: (line: LogLine) => void } | undefined;
  pyodide.setStdout({
    batched: (text) => {
      if (!current) return;
      const message = parseHarnessLine(text, current.nonce);
      if (message?.type === 'line') current.onLine?.(message.line);
    },
  });
  pyodide.runPython(`import sys\nif ${JSON.stringify(HARNESS_PATH)} not in sys.path:\n    sys.path.insert(0, ${JSON.stringify(HARNESS_PATH)})\nimport course_harness`);
  const harness = pyodide.pyimport('course_harness') as { run_json(request: string): string };
  return {
    run: (request, onLine) => {
      current = { nonce: randomNonce(), onLine };
      try {
        const observation = harness.run_json(JSON.stringify({ ...request, nonce: current.nonce }));
        try {
          return JSON.parse(observation) as unknown;
        } catch {
          return { internalError: 'the observation was not JSON' };
        }
      } finally {
        current = undefined;
      }
    },
  };
}
