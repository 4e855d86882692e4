/**
 * Runs Python learner code under Pyodide in Node (a worker thread), through
 * the same harness and the same observation checks as the CPython path
 * (cpython.ts). The page runs Pyodide in its sandboxed worker the same way
 * (pyodide-host.ts); this runner lets the CLI and the unit tests prove that
 * Pyodide and CPython record the same Observation.
 *
 * One worker holds one loaded Pyodide (loading takes seconds) and runs
 * requests one at a time. At the budget the run is interrupted
 * (KeyboardInterrupt, through Pyodide's interrupt buffer); if learner code
 * swallows that, the worker is terminated and the next run loads a new one.
 */
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import type { LogLine, Mode, Observation } from '../harness/observation.ts';
import { RUN_BUDGET_MS } from '../harness/limits.ts';
import { budgetStop, PYTHON_PROGRAM_ID, scenarioNameOf, stopped, toObservation, type ObservationContext } from './observe-core.ts';
import { logLineSchema, pythonRequestSchema, type PythonRequest } from './schema.ts';
import type { FromWorker, ToWorker } from './pyodide-node-worker.ts';

const HARNESS_DIR = fileURLToPath(new URL('./harness/', import.meta.url));
/** Real time learner code gets after the interrupt to let the harness report, before the worker is terminated. */
const INTERRUPT_GRACE_MS = 1500;

interface PyodideRunOptions {
  budgetMs?: number;
  exercise?: string;
  seed?: number;
  onLogs?: (lines: LogLine[]) => void;
}

interface Loaded {
  worker: Worker;
  interrupt: Int32Array;
  loadMs: number;
  version: string;
}

export class PyodideNodeRunner {
  readonly #defaultBudgetMs: number;
  #loaded: Promise<Loaded> | undefined;
  #nextId = 1;
  #queue: Promise<unknown> = Promise.resolve();
  /** Milliseconds the last Pyodide load took, and its version (for the bench). */
  lastLoad: { loadMs: number; version: string } | undefined;
  /** Milliseconds the last run took inside the worker. */
  lastRunMs: number | undefined;

  /** `budgetMs`: the budget of a run that names none (default RUN_BUDGET_MS). */
  constructor(options: { budgetMs?: number } = {}) {
    this.#defaultBudgetMs = options.budgetMs ?? RUN_BUDGET_MS;
  }

  #load(): Promise<Loaded> {
    this.#loaded ??= new Promise<Loaded>((resolve, reject) => {
      const shared = new SharedArrayBuffer(4);
      const worker = new Worker(new URL('./pyodide-node-worker.ts', import.meta.url), {
        workerData: { harnessDir: HARNESS_DIR, interrupt: shared },
        stdout: true,
        stderr: true,
      });
      worker.stdout.resume();
      worker.stderr.resume();
      const onMessage = (message: FromWorker) => {
        if (message.type === 'ready') {
          worker.off('message', onMessage);
          this.lastLoad = { loadMs: message.loadMs, version: message.version };
          resolve({ worker, interrupt: new Int32Array(shared), loadMs: message.loadMs, version: message.version });
        } else if (message.type === 'failed') {
          void worker.terminate();
          this.#loaded = undefined;
          reject(new Error(`Pyodide could not load: ${message.message}`));
        }
      };
      worker.on('message', onMessage);
      worker.once('error', (error) => {
        this.#loaded = undefined;
        reject(error);
      });
    });
    return this.#loaded;
  }

  /** Loads Pyodide now (otherwise the first run does). */
  async warm(): Promise<{ loadMs: number; version: string }> {
    const { loadMs, version } = await this.#load();
    return { loadMs, version };
  }

  run(request: PythonRequest, options: PyodideRunOptions = {}): Promise<Observation> {
    const next = this.#queue.then(() => this.#run(request, options));
    this.#queue = next.catch(() => undefined);
    return next;
  }

  async #run(request: PythonRequest, options: PyodideRunOptions): Promise<Observation> {
    const checked = pythonRequestSchema.parse(request);
    const mode: Mode = checked.mode ?? 'check';
    const context: ObservationContext = { exercise: options.exercise ?? PYTHON_PROGRAM_ID, mode, seed: options.seed ?? 1 };
    const scenario = scenarioNameOf(checked);
    const budgetMs = options.budgetMs ?? this.#defaultBudgetMs;
    let loaded: Loaded;
    try {
      loaded = await this.#load();
    } catch (error) {
      return stopped(context, scenario, [], { kind: 'internal', message: (error as Error).message });
    }
    const { worker, interrupt } = loaded;
    const id = this.#nextId++;
    const logs: LogLine[] = [];
    return new Promise<Observation>((resolve) => {
      let interrupted = false;
      let done = false;
      const finish = (observation: Observation) => {
        if (done) return;
        done = true;
        clearTimeout(budgetTimer);
        clearTimeout(graceTimer);
        worker.off('message', onMessage);
        worker.off('exit', onExit);
        resolve(observation);
      };
      const onMessage = (message: FromWorker) => {
        if (message.type === 'line' && message.id === id) {
          const parsed = logLineSchema.safeParse(message.line);
          if (parsed.success) {
            logs.push(parsed.data);
            options.onLogs?.([parsed.data]);
          }
        } else if (message.type === 'done' && message.id === id) {
          this.lastRunMs = message.runMs;
          if (interrupted) return finish(budgetStop(context, scenario, logs, budgetMs));
          const value = message.observation;
          if (value && typeof value === 'object' && 'internalError' in value) {
            return finish(stopped(context, scenario, logs, { kind: 'internal', message: `The Python harness failed: ${String(value.internalError)}` }));
          }
          finish(toObservation(value, context, scenario));
        }
      };
      const onExit = () => {
        this.#loaded = undefined;
        finish(interrupted ? budgetStop(context, scenario, logs, budgetMs) : stopped(context, scenario, logs, { kind: 'internal', message: 'The Pyodide worker stopped before it could report.' }));
      };
      let graceTimer: ReturnType<typeof setTimeout> | undefined;
      const budgetTimer = setTimeout(() => {
        interrupted = true;
        Atomics.store(interrupt, 0, 2); // SIGINT: KeyboardInterrupt at the next bytecode check
        graceTimer = setTimeout(() => {
          // Learner code swallowed the interrupt: stop the thread; the next run loads a fresh Pyodide.
          this.#loaded = undefined;
          void worker.terminate();
          finish(budgetStop(context, scenario, logs, budgetMs));
        }, INTERRUPT_GRACE_MS);
      }, budgetMs);
      worker.on('message', onMessage);
      worker.once('exit', onExit);
      worker.postMessage({ type: 'run', id, request: checked } satisfies ToWorker);
    });
  }

  async close(): Promise<void> {
    const loaded = this.#loaded;
    this.#loaded = undefined;
    if (loaded) await (await loaded).worker.terminate();
  }
}
