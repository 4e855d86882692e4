/**
 * The browser runtime, page side. Learner code runs in a fresh worker inside
 * a sandboxed frame (opaque origin, CSP without network). The page only
 * exchanges messages with that frame, and accepts them only from it.
 */
import workerUrl from './sandbox-worker.ts?worker&url';
import type { Observation } from '../harness/observation.ts';
import { stoppedObservation } from '../harness/stopped.ts';
import { supervise, type Attempt, type Supervised } from './supervisor.ts';
import type { FromFrame, ToFrame } from './protocol.ts';
import { createSandboxFrame } from './sandbox-frame.ts';
import { RUNTIME_LABELS, type RunEvents, type RunRequest, type Runner } from './runner.ts';

/**
 * Time a fresh worker may take to load the harness and report that learner
 * code has started. The budget is counted from that report, not from the
 * click, so a slow start never eats into the learner's time, and a
 * `while (true) {}` is killed at the budget rather than a second after it.
 */
const STARTUP_LIMIT_MS = 15_000;
/** After the budget, a moment for the harness to stop async runaways itself (with a fuller observation). */
const KILL_SLACK_MS = 150;

let workerCode: Promise<string> | undefined;

/** The harness worker's source, fetched once per page (it is a hashed, cached asset). */
function loadWorkerCode(): Promise<string> {
  workerCode ??= fetch(workerUrl).then((r) => {
    if (!r.ok) throw new Error(`could not load the sandbox (${r.status})`);
    // SES (hardening.ts) refuses to run in sloppy mode, and the bundle is a classic script: make all of it strict.
    return r.text().then((code) => `"use strict";\n${code}`);
  });
  return workerCode;
}

export class BrowserRunner implements Runner {
  readonly kind = 'browser' as const;
  readonly label = RUNTIME_LABELS.browser;
  #frame: HTMLIFrameElement | undefined;
  #ready: Promise<void> | undefined;
  #nextId = 1;
  /** The try in progress: only its messages are heard. */
  #attempt: { id: number; attempt: Attempt } | undefined;
  #supervised: Supervised | undefined;

  /** Starts the frame and fetches the worker ahead of the first Run (on editor focus, say). */
  warm(): Promise<void> {
    this.#ready ??= this.#start();
    return this.#ready;
  }

  async run(request: RunRequest, events?: RunEvents): Promise<Observation> {
    this.stop();
    try {
      await this.warm();
    } catch (error) {
      this.#ready = undefined;
      return stoppedObservation({
        exercise: request.exercise,
        mode: request.mode,
        seed: request.seed,
        scenario: undefined,
        logs: [],
        error: { kind: 'internal', message: `The sandbox could not start: ${(error as Error).message}. Reload the page to try again.` },
      });
    }
    const supervised = supervise({
      run: request,
      startupLimitMs: STARTUP_LIMIT_MS,
      startupMessage: 'The sandbox took too long to start. Reload the page to try again.',
      killSlackMs: KILL_SLACK_MS,
      onLogs: events?.onLogs?.bind(events),
      launch: (attempt) => {
        const id = this.#nextId++;
        this.#attempt = { id, attempt };
        this.#post({ type: 'run', id, request: { ...request, deadlineMs: attempt.deadlineMs } });
        return {
          kill: () => {
            if (this.#attempt?.id === id) {
              this.#attempt = undefined;
              this.#post({ type: 'stop' });
            }
          },
        };
      },
    });
    this.#supervised = supervised;
    const observation = await supervised.result;
    if (this.#supervised === supervised) this.#supervised = undefined;
    return observation;
  }

  stop(): void {
    this.#supervised?.stop();
    this.#supervised = undefined;
  }

  #post(message: ToFrame): void {
    this.#frame?.contentWindow?.postMessage(message, '*');
  }

  async #start(): Promise<void> {
    const code = loadWorkerCode();
    const frame = await createSandboxFrame('Code sandbox');
    const ready = this.#waitFor(frame, 'ready');
    window.addEventListener('message', (event) => this.#onMessage(frame, event));
    document.body.append(frame);
    this.#frame = frame;
    await ready;
    const loaded = this.#waitFor(frame, 'loaded');
    this.#post({ type: 'load', code: await code });
    await loaded;
  }

  #waitFor(frame: HTMLIFrameElement, type: 'ready' | 'loaded'): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the sandbox frame did not answer')), 10_000);
      const listener = (event: MessageEvent) => {
        if (event.source !== frame.contentWindow || (event.data as FromFrame)?.type !== type) return;
        clearTimeout(timer);
        window.removeEventListener('message', listener);
        resolve();
      };
      window.addEventListener('message', listener);
    });
  }

  #onMessage(frame: HTMLIFrameElement, event: MessageEvent): void {
    // Messages from the opaque frame have origin "null": trust the source window, nothing else.
    if (event.source !== frame.contentWindow) return;
    const message = event.data as FromFrame;
    const current = this.#attempt;
    if (!current || typeof message !== 'object' || message === null || !('id' in message) || message.id !== current.id) return;
    if (message.type === 'crash') {
      current.attempt.fail({
        kind: 'internal',
        message: `The sandbox stopped unexpectedly (${String(message.message)}). If your code builds something huge, it may have run out of memory.`,
      });
    } else {
      current.attempt.receive(message);
    }
  }
}
