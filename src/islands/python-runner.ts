/**
 * Python in the page, page side. Loaded only when a learner first runs
 * Python. It fetches Pyodide's files from the site (same origin, so cached
 * like any asset) and the Python worker's code, starts its own sandbox frame
 * (the same public/sandbox/frame.html as TypeScript's: opaque origin, no
 * network), and hands both over; the frame starts the worker and keeps the
 * files for the next one.
 *
 * One loaded Pyodide serves every run. At the budget the frame terminates
 * the worker (a `while True: pass` never yields) and starts a fresh one, so
 * the page never waits on learner code. What the worker sends is checked:
 * the observation against the Python schema (toObservation), then the
 * page's own schema, like TypeScript's.
 */
import workerUrl from './python-sandbox-worker.ts?worker&url';
import type { FromPythonWorker, ToPythonWorker } from './python-sandbox-worker.ts';
import type { LogLine, Observation } from '../lib/harness/observation.ts';
import { RUN_BUDGET_MS } from '../lib/harness/limits.ts';
import { budgetStop, PYTHON_PROGRAM_ID, scenarioNameOf, stopped, toObservation, type ObservationContext } from '../lib/python/observe-core.ts';
import { logLineSchema, pythonRequestSchema, type PythonRequest } from '../lib/python/schema.ts';
import { PYODIDE_DIR, PYODIDE_FILES, type PyodideFile } from '../lib/python/pyodide-files.ts';
import { readObservation } from '../lib/observation-schema.ts';
import { STOPPED_BY_LEARNER } from '../lib/harness/stopped.ts';
import { createSandboxFrame } from '../lib/runtime/sandbox-frame.ts';

/** Loading Pyodide on a slow machine takes seconds; this only catches a frame that never answers. */
const LOAD_LIMIT_MS = 90_000;

export interface PythonRunOptions {
  budgetMs?: number;
  exercise?: string;
  seed?: number;
  onLine?: (line: LogLine) => void;
  /** Called when Python is loaded and the run is handed to it (after any first download). */
  onStart?: () => void;
}

/** Where things stand, for the panels: a failure to load is said once, by whoever shows it. */
export class PythonUnavailable extends Error {}

type FrameMessage = { type: 'ready' } | { type: 'py'; message: FromPythonWorker | { type: 'crash'; message: string } };

const siteBase = () => import.meta.env.BASE_URL.replace(/\/?$/, '/');

async function fetchBytes(url: string): Promise<ArrayBuffer> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url.split('/').pop()} could not be downloaded (${response.status})`);
  return response.arrayBuffer();
}

export class PagePythonRunner {
  #frame: HTMLIFrameElement | undefined;
  #frameReady: Promise<void> | undefined;
  /** Settles when the current worker has loaded Pyodide; replaced when the frame starts a new worker. */
  #loaded: Promise<void> | undefined;
  #onLoaded: { resolve: () => void; reject: (error: Error) => void } | undefined;
  #listeners = new Set<(message: FromPythonWorker | { type: 'crash'; message: string }) => void>();
  #nextId = 1;
  #queue: Promise<unknown> = Promise.resolve();
  /** What the last load and run took (for the bench): ms inside the worker. */
  lastLoad: { loadMs: number; version: string } | undefined;
  lastRunMs: number | undefined;
  /** Ends the run in progress (the Stop button): set while one runs. */
  #stopCurrent: (() => void) | undefined;

  /** Loads Pyodide now (the first Run otherwise does); rejects with PythonUnavailable if it can't. */
  warm(): Promise<void> {
    this.#loaded ??= this.#start().catch((error: unknown) => {
      this.#loaded = undefined;
      throw new PythonUnavailable((error as Error).message);
    });
    return this.#loaded;
  }

  /** Bumped by stop(): a run still waiting for Python to load when it changes never starts. */
  #stops = 0;
  /** Runs asked for and not yet finished (waiting for Python to load, or running). */
  #unfinished = 0;

  /**
   * Stops the run in progress, if any: it ends as stopped, with what it
   * printed, and the frame starts a fresh worker. A run still waiting for
   * Python to load ends as stopped without starting.
   */
  stop(): boolean {
    if (this.#unfinished === 0) return false;
    this.#stops++;
    this.#stopCurrent?.();
    return true;
  }

  run(request: PythonRequest, options: PythonRunOptions = {}): Promise<Observation> {
    const next = this.#queue.then(() => this.#run(request, options));
    this.#queue = next.catch(() => undefined);
    return next;
  }

  async #start(): Promise<void> {
    const base = siteBase();
    const [code, ...files] = await Promise.all([
      fetch(workerUrl).then((r) => {
        if (!r.ok) throw new Error(`the Python worker could not be downloaded (${r.status})`);
        return r.text();
      }),
      ...PYODIDE_FILES.map((name) => fetchBytes(`${base}${PYODIDE_DIR}${name}`)),
    ]);
    await this.#startFrame();
    const loaded = this.#expectLoad();
    this.#post({ type: 'py-load', code, files: Object.fromEntries(PYODIDE_FILES.map((name, i) => [name, files[i]!])) as Record<PyodideFile, ArrayBuffer> });
    await loaded;
  }

  /** A promise for the next `ready` (or `failed`) from a worker the frame is starting. */
  #expectLoad(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('Python took too long to load')), LOAD_LIMIT_MS);
      this.#onLoaded = {
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
    });
  }

  #startFrame(): Promise<void> {
    this.#frameReady ??= createSandboxFrame('Python sandbox').then(
      (frame) =>
        new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error('the sandbox frame did not answer')), 15_000);
          window.addEventListener('message', (event) => {
            // The frame's origin is opaque ("null"): trust its window, nothing else.
            if (event.source !== frame.contentWindow) return;
            const data = event.data as FrameMessage;
            if (data?.type === 'ready') {
              clearTimeout(timer);
              resolve();
            } else if (data?.type === 'py' && data.message && typeof data.message === 'object') {
              this.#onWorker(data.message);
            }
          });
          document.body.append(frame);
          this.#frame = frame;
        }),
    );
    return this.#frameReady;
  }

  #onWorker(message: FromPythonWorker | { type: 'crash'; message: string }): void {
    if (message.type === 'ready') {
      this.lastLoad = { loadMs: Number(message.loadMs), version: String(message.version) };
      this.#onLoaded?.resolve();
    } else if (message.type === 'failed') {
      this.#onLoaded?.reject(new Error(`Pyodide could not start: ${String(message.message)}`));
    } else if (message.type === 'crash' && this.#listeners.size === 0) {
      // Crashed while loading (no run waits on it).
      this.#onLoaded?.reject(new Error(`the Python worker stopped while loading (${String(message.message)})`));
    }
    for (const listener of this.#listeners) listener(message);
  }

  #post(message: { type: 'py-load'; code: string; files: Record<PyodideFile, ArrayBuffer> } | { type: 'py-run'; id: number; request: ToPythonWorker['request'] } | { type: 'py-stop' }): void {
    this.#frame?.contentWindow?.postMessage(message, '*');
  }

  async #run(request: PythonRequest, options: PythonRunOptions): Promise<Observation> {
    this.#unfinished++;
    try {
      return await this.#runOnce(request, options);
    } finally {
      this.#unfinished--;
    }
  }

  async #runOnce(request: PythonRequest, options: PythonRunOptions): Promise<Observation> {
    const checked = pythonRequestSchema.parse(request);
    const context: ObservationContext = { exercise: options.exercise ?? PYTHON_PROGRAM_ID, mode: checked.mode ?? 'check', seed: options.seed ?? 1 };
    const scenario = scenarioNameOf(checked);
    const stopsBefore = this.#stops;
    try {
      await this.warm();
    } catch (error) {
      throw error instanceof PythonUnavailable ? error : new PythonUnavailable((error as Error).message);
    }
    if (this.#stops !== stopsBefore) return stopped(context, scenario, [], { kind: 'budget', message: STOPPED_BY_LEARNER, t: 0 });
    const budgetMs = options.budgetMs ?? RUN_BUDGET_MS;
    const id = this.#nextId++;
    const logs: LogLine[] = [];
    const observation = await new Promise<Observation>((resolve) => {
      const finish = (result: Observation) => {
        clearTimeout(budgetTimer);
        this.#listeners.delete(listener);
        this.#stopCurrent = undefined;
        resolve(result);
      };
      const listener = (message: FromPythonWorker | { type: 'crash'; message: string }) => {
        if (message.type === 'crash') {
          this.#restart();
          finish(stopped(context, scenario, logs, { kind: 'internal', message: `Python stopped unexpectedly (${String(message.message)}). If your code builds something huge, it may have run out of memory.` }));
        } else if (message.type === 'line' && message.id === id) {
          const line = logLineSchema.safeParse(message.line);
          if (line.success) {
            logs.push(line.data);
            options.onLine?.(line.data);
          }
        } else if (message.type === 'done' && message.id === id) {
          this.lastRunMs = Number(message.runMs);
          const value = message.observation;
          if (value && typeof value === 'object' && 'internalError' in value) {
            finish(stopped(context, scenario, logs, { kind: 'internal', message: `The Python harness failed: ${String(value.internalError)}` }));
          } else {
            finish(toObservation(value, context, scenario));
          }
        }
      };
      const budgetTimer = setTimeout(() => {
        // Learner code still running at the budget: the frame terminates the worker.
        this.#restart();
        finish(budgetStop(context, scenario, logs, budgetMs));
      }, budgetMs);
      this.#stopCurrent = () => {
        this.#restart();
        finish(stopped(context, scenario, logs, { kind: 'budget', message: STOPPED_BY_LEARNER, t: logs.at(-1)?.t ?? 0 }));
      };
      this.#listeners.add(listener);
      options.onStart?.();
      this.#post({ type: 'py-run', id, request: checked });
    });
    // The same check as every TypeScript run before anything draws it.
    const reading = readObservation(observation);
    return reading.ok ? reading.observation : stopped(context, scenario, logs, { kind: 'internal', message: `Python sent a result the page can't read: ${reading.reason}` });
  }

  /** The frame replaces the worker; the next run waits for the new one to load. */
  #restart(): void {
    this.#loaded = this.#expectLoad().catch((error: unknown) => {
      this.#loaded = undefined;
      throw new PythonUnavailable((error as Error).message);
    });
    // Until a run waits on it, a failed reload is only remembered.
    this.#loaded.catch(() => undefined);
    this.#post({ type: 'py-stop' });
  }
}

let shared: PagePythonRunner | undefined;
/** The page's one Python runner (one Pyodide per page). */
export function pythonRunner(): PagePythonRunner {
  shared ??= new PagePythonRunner();
  return shared;
}
