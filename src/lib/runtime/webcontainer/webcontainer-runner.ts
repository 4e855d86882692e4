/**
 * The Node.js runtime: learner code runs under real Node in a WebContainer,
 * through the same harness as everywhere else, so Check gives the same
 * verdict as the browser runtime and the CLI. Output streams to the
 * terminal; a runaway process is killed at the budget and the terminal says so.
 */
import type { LogLine, Observation } from '../../harness/observation.ts';
import { transpile } from '../../harness/transpile.ts';
import { RUNTIME_LABELS, type RunEvents, type RunRequest, type Runner } from '../runner.ts';
import type { ProcessLike, WebContainerLike } from './api.ts';
import { readMark, runFiles, SERVER_PORT, serverRoutes, staticFiles, withoutMarks } from './files.ts';
import { supervise, systemTimers, type Supervised, type SupervisorTimers } from '../supervisor.ts';
import { OBSERVATION_FILE } from './node-entry.ts';

/** Node starting up inside WebContainer (and loading the harness) is slower than a worker thread; not part of the budget. */
const STARTUP_LIMIT_MS = 20_000;
/** After the budget, a moment for the harness to stop async runaways itself (with a fuller observation). */
const KILL_SLACK_MS = 250;
const SERVER_WAIT_MS = 5000;

export class WebContainerRunner implements Runner {
  readonly kind = 'webcontainer' as const;
  readonly label = RUNTIME_LABELS.webcontainer;
  readonly #container: WebContainerLike;
  readonly #harnessCode: string;
  #mounted: Promise<void> | undefined;
  #server: { routes: string; ready: Promise<boolean>; process: ProcessLike } | undefined;
  #current: Supervised | undefined;
  /** Injectable for tests. */
  readonly #timers: SupervisorTimers;

  constructor(
    container: WebContainerLike,
    harnessCode: string,
    timers: { set?: (fn: () => void, ms: number) => unknown; clear?: (handle: unknown) => void } = {},
  ) {
    this.#container = container;
    this.#harnessCode = harnessCode;
    this.#timers = { set: timers.set ?? systemTimers.set, clear: timers.clear ?? systemTimers.clear };
  }

  /** Mounts the harness and helpers ahead of the first run. */
  warm(): Promise<void> {
    this.#mounted ??= this.#container.mount(staticFiles(this.#harnessCode));
    return this.#mounted;
  }

  async run(request: RunRequest, events: RunEvents = {}): Promise<Observation> {
    this.stop();
    const base = { exercise: request.exercise, mode: request.mode, seed: request.seed };
    const transpiled = transpile(request.source, { modules: 'esm' });
    if (!transpiled.ok) return { ...base, scenarios: [], compileError: transpiled.error };

    await this.warm();
    let realFetchBase: string | undefined;
    if (request.mode === 'run' && request.routes && Object.keys(request.routes).length > 0) {
      if (await this.#startServer(request.routes, events)) realFetchBase = `http://localhost:${SERVER_PORT}`;
    }
    const script = request.mode === 'run' ? 'run.mjs' : 'check.mjs';
    let killed = false;
    const supervised = supervise({
      run: request,
      startupLimitMs: STARTUP_LIMIT_MS,
      startupMessage: `node took more than ${STARTUP_LIMIT_MS / 1000} s to start. The terminal shows what it printed.`,
      killSlackMs: KILL_SLACK_MS,
      timers: this.#timers,
      onLogs: events.onLogs?.bind(events),
      onRetry: () => events.onTerminal?.('\r\n\x1b[2m(out of time: running once more with more time, in case the machine was busy)\x1b[0m\r\n'),
      launch: async (attempt) => {
        await this.#container.fs.rm(OBSERVATION_FILE, { force: true });
        const files = runFiles({
          source: request.source,
          javascript: transpiled.code,
          request: { ...request, realFetchBase, deadlineMs: attempt.deadlineMs },
        });
        for (const [path, contents] of Object.entries(files)) await this.#container.fs.writeFile(path, contents);
        events.onTerminal?.(`\x1b[2m$ node ${script}\x1b[0m\r\n`);
        const process = await this.#container.spawn('node', [script]);
        killed = false;
        const lines = new LineSplitter();
        const started = Date.now();
        let seq = 0;
        let scenario = request.mode as string;
        const reading = this.#read(process, (chunk) => {
          events.onTerminal?.(withoutMarks(chunk).replace(/\r?\n/g, '\r\n'));
          for (const text of lines.push(chunk)) {
            const mark = readMark(text);
            if (mark?.type === 'scenario') scenario = mark.scenario;
            if (mark) {
              attempt.receive(mark);
              continue;
            }
            const line: LogLine = { t: Date.now() - started, stream: 'log', text, phase: 'sync', seq: ++seq };
            attempt.receive({ type: 'logs', scenario, lines: [line] });
          }
        });
        // Until the harness names one, output belongs to the mode's scenario.
        attempt.receive({ type: 'scenario', scenario });
        let exited = false;
        void process.exit.then(async (code) => {
          exited = true;
          await reading;
          if (attempt.over) return;
          let observation: Observation;
          try {
            observation = JSON.parse(await this.#container.fs.readFile(OBSERVATION_FILE, 'utf-8')) as Observation;
          } catch {
            attempt.fail({ kind: 'internal', message: `node exited with code ${code} before it could report. The terminal shows what it printed.` });
            return;
          }
          attempt.receive({ type: 'done', observation });
        });
        return {
          kill: () => {
            if (exited) return;
            killed = true;
            process.kill();
          },
        };
      },
    });
    this.#current = supervised;
    const observation = await supervised.result;
    if (this.#current === supervised) this.#current = undefined;
    if (killed) {
      const error = observation.scenarios[0]?.errors[0];
      if (error) events.onTerminal?.(`\r\n\x1b[31m■ ${error.message}\x1b[0m\r\n`);
    }
    return observation;
  }

  stop(): void {
    this.#current?.stop();
    this.#current = undefined;
  }

  /** An interactive shell for the terminal panel (`node main.js`, `node run.mjs`, …). */
  async shell(dimensions: { cols: number; rows: number }): Promise<ProcessLike> {
    await this.warm();
    return this.#container.spawn('jsh', [], { terminal: dimensions });
  }

  async #startServer(routes: NonNullable<RunRequest['routes']>, events: RunEvents): Promise<boolean> {
    const key = JSON.stringify(serverRoutes(routes));
    if (this.#server?.routes === key) return this.#server.ready;
    this.#server?.process.kill();
    const ready = new Promise<boolean>((resolve) => {
      const off = this.#container.on('server-ready', (port) => {
        if (port !== SERVER_PORT) return;
        off();
        resolve(true);
      });
      this.#timers.set(() => {
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
class LineSplitter {
  #partial = '';
  push(chunk: string): string[] {
    // Terminal control sequences (colours, cursor moves) are not part of a line's text.
    const text = this.#partial + chunk.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').replace(/\r/g, '');
    const parts = text.split('\n');
    this.#partial = parts.pop() ?? '';
    return parts;
  }
}
