/**
 * The Node.js runtime: learner code runs under real Node in a WebContainer,
 * through the same harness as everywhere else, so Check gives the same
 * verdict as the browser runtime and the CLI. Output streams to the
 * terminal; a runaway process is killed at the budget and the terminal says so.
 */
import type { LogLine, Observation } from '../../harness/observation.ts';
import { budgetMessage, stoppedObservation } from '../../harness/stopped.ts';
import { transpile } from '../../harness/transpile.ts';
import { RUNTIME_LABELS, type RunEvents, type RunRequest, type Runner } from '../runner.ts';
import type { ProcessLike, WebContainerLike } from './api.ts';
import { runFiles, SERVER_PORT, serverRoutes, staticFiles } from './files.ts';
import { OBSERVATION_FILE } from './node-entry.ts';

/** Node starting up inside WebContainer is slower than a worker thread. */
const STARTUP_SLACK_MS = 3000;
const SERVER_WAIT_MS = 5000;

export interface NodeRunEvents extends RunEvents {
  /** Raw terminal output, as node printed it. */
  onTerminal?(chunk: string): void;
}

export class WebContainerRunner implements Runner {
  readonly kind = 'webcontainer' as const;
  readonly label = RUNTIME_LABELS.webcontainer;
  readonly #container: WebContainerLike;
  readonly #harnessCode: string;
  #mounted: Promise<void> | undefined;
  #server: { routes: string; ready: Promise<boolean>; process: ProcessLike } | undefined;
  #current: { process: ProcessLike; stopped: (message: string) => void } | undefined;
  /** Injectable for tests. */
  readonly #setTimer: (fn: () => void, ms: number) => unknown;
  readonly #clearTimer: (handle: unknown) => void;

  constructor(
    container: WebContainerLike,
    harnessCode: string,
    timers: { set?: (fn: () => void, ms: number) => unknown; clear?: (handle: unknown) => void } = {},
  ) {
    this.#container = container;
    this.#harnessCode = harnessCode;
    this.#setTimer = timers.set ?? ((fn, ms) => setTimeout(fn, ms));
    this.#clearTimer = timers.clear ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>));
  }

  async run(request: RunRequest, events: NodeRunEvents = {}): Promise<Observation> {
    this.stop();
    const base = { exercise: request.exercise, mode: request.mode, seed: request.seed };
    const transpiled = transpile(request.source, { modules: 'esm' });
    if (!transpiled.ok) return { ...base, scenarios: [], compileError: transpiled.error };

    this.#mounted ??= this.#container.mount(staticFiles(this.#harnessCode));
    await this.#mounted;
    let realFetchBase: string | undefined;
    if (request.mode === 'run' && request.routes && Object.keys(request.routes).length > 0) {
      if (await this.#startServer(request.routes, events)) realFetchBase = `http://localhost:${SERVER_PORT}`;
    }
    await this.#container.fs.rm(OBSERVATION_FILE, { force: true });
    const files = runFiles({ source: request.source, javascript: transpiled.code, request: { ...request, realFetchBase } });
    for (const [path, contents] of Object.entries(files)) await this.#container.fs.writeFile(path, contents);

    const script = request.mode === 'run' ? 'run.mjs' : 'check.mjs';
    events.onTerminal?.(`\x1b[2m$ node ${script}\x1b[0m\r\n`);
    const process = await this.#container.spawn('node', [script]);
    const printed: LogLine[] = [];
    const started = Date.now();
    let stopMessage: string | undefined;
    const stopped = (message: string) => {
      if (stopMessage) return;
      stopMessage = message;
      process.kill();
      events.onTerminal?.(`\r\n\x1b[31m■ ${message}\x1b[0m\r\n`);
    };
    this.#current = { process, stopped };
    const timer = this.#setTimer(() => stopped(budgetMessage(request.budgetMs)), request.budgetMs + STARTUP_SLACK_MS);
    const reading = this.#read(process, (chunk) => {
      events.onTerminal?.(chunk.replace(/\r?\n/g, '\r\n'));
      for (const text of completeLines(chunk, printed)) {
        const line: LogLine = { t: Date.now() - started, stream: 'log', text, phase: 'sync', seq: printed.length + 1 };
        printed.push(line);
        events.onLogs?.(request.mode, [line]);
      }
    });
    const code = await process.exit;
    this.#clearTimer(timer);
    await reading;
    if (this.#current?.process === process) this.#current = undefined;
    if (stopMessage) {
      return stoppedObservation({ ...base, scenario: request.mode === 'run' ? 'run' : undefined, logs: printed, error: { kind: 'budget', message: stopMessage } });
    }
    try {
      return JSON.parse(await this.#container.fs.readFile(OBSERVATION_FILE, 'utf-8')) as Observation;
    } catch {
      return stoppedObservation({
        ...base,
        scenario: undefined,
        logs: printed,
        error: { kind: 'internal', message: `node exited with code ${code} before it could report. The terminal shows what it printed.` },
      });
    }
  }

  stop(): void {
    this.#current?.stopped('You stopped the run.');
    this.#current = undefined;
  }

  /** An interactive shell for the terminal panel (`node main.js`, `node run.mjs`, …). */
  async shell(dimensions: { cols: number; rows: number }): Promise<ProcessLike> {
    this.#mounted ??= this.#container.mount(staticFiles(this.#harnessCode));
    await this.#mounted;
    return this.#container.spawn('jsh', [], { terminal: dimensions });
  }

  async #startServer(routes: NonNullable<RunRequest['routes']>, events: NodeRunEvents): Promise<boolean> {
    const key = JSON.stringify(serverRoutes(routes));
    if (this.#server?.routes === key) return this.#server.ready;
    this.#server?.process.kill();
    const ready = new Promise<boolean>((resolve) => {
      const off = this.#container.on('server-ready', (port) => {
        if (port !== SERVER_PORT) return;
        off();
        resolve(true);
      });
      this.#setTimer(() => {
        off();
        resolve(false);
      }, SERVER_WAIT_MS);
    });
    const process = await this.#container.spawn('node', ['.course/server.mjs', key]);
    void this.#read(process, (chunk) => events.onTerminal?.(`\x1b[2m${chunk.replace(/\r?\n/g, '\r\n')}\x1b[0m`));
    this.#server = { routes: key, ready, process };
    return ready;
  }

  async #read(process: ProcessLike, onChunk: (chunk: string) => void): Promise<void> {
    const reader = process.output.getReader();
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        if (value) onChunk(value);
      }
    } catch {
      // The stream errors when the process is killed: nothing more to read.
    } finally {
      reader.releaseLock();
    }
  }
}

/** Splits streamed text into lines, keeping a partial last line for the next chunk. */
const partial = new WeakMap<LogLine[], string>();
function completeLines(chunk: string, owner: LogLine[]): string[] {
  // Terminal control sequences (colours, cursor moves) are not part of a line's text.
  const text = (partial.get(owner) ?? '') + chunk.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').replace(/\r/g, '');
  const parts = text.split('\n');
  partial.set(owner, parts.pop() ?? '');
  return parts;
}
