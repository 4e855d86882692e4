/**
 * A Node worker thread holding one Pyodide with the course's harness
 * installed (see pyodide-node.ts, which starts it). Pyodide loads offline
 * from node_modules/pyodide. Learner code runs synchronously in here; the
 * parent interrupts it through a shared buffer at the budget, and
 * terminates the thread if that does not stop it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadPyodide } from 'pyodide';
import { HARNESS_FILES } from './observe-core.ts';
import { installHarness, type HarnessSources } from './pyodide-host.ts';
import type { PythonRequest } from './schema.ts';
import type { LogLine } from '../harness/observation.ts';

export type ToWorker = { type: 'run'; id: number; request: PythonRequest };
export type FromWorker =
  | { type: 'ready'; loadMs: number; version: string }
  | { type: 'failed'; message: string }
  | { type: 'line'; id: number; line: LogLine }
  | { type: 'done'; id: number; observation: unknown; runMs: number };

const { harnessDir, interrupt } = workerData as { harnessDir: string; interrupt: SharedArrayBuffer };
const port = parentPort!;
const post = (message: FromWorker) => port.postMessage(message);

try {
  const started = performance.now();
  // Learner output never reaches the process's stdout: the harness captures it, and streams it on
  // Pyodide's stdout (installHarness takes that over). Pyodide's own stray messages are dropped.
  const pyodide = await loadPyodide({ stdout: () => {}, stderr: () => {} });
  const sources = Object.fromEntries(HARNESS_FILES.map((name) => [name, readFileSync(join(harnessDir, name), 'utf8')])) as HarnessSources;
  const harness = installHarness(pyodide, sources);
  const flag = new Int32Array(interrupt);
  pyodide.setInterruptBuffer(flag);
  post({ type: 'ready', loadMs: Math.round(performance.now() - started), version: pyodide.version });
  port.on('message', (message: ToWorker) => {
    if (message.type !== 'run') return;
    Atomics.store(flag, 0, 0);
    const runStarted = performance.now();
    const observation = harness.run(message.request, (line) => post({ type: 'line', id: message.id, line }));
    post({ type: 'done', id: message.id, observation, runMs: Math.round(performance.now() - runStarted) });
  });
} catch (error) {
  post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
}
