/**
 * The browser runtime, page side. Learner code runs in a fresh worker inside
 * a sandboxed frame (opaque origin, CSP without network). The page only
 * exchanges messages with that frame, and accepts them only from it.
 */
import workerUrl from './sandbox-worker.ts?worker&url';
import type { LogLine, Observation } from '../harness/observation.ts';
import { budgetMessage, stoppedObservation } from '../harness/stopped.ts';
import type { FromFrame, ToFrame } from './protocol.ts';
import { RUNTIME_LABELS, type RunEvents, type RunRequest, type Runner } from './runner.ts';

/**
 * Time a fresh worker may take to load the harness and report that learner
 * code has started. The budget is counted from that report, not from the
 * click, so a slow start never eats into the learner's time, and a
 * `while (true) {}` is killed at the budget rather than a second after it.
 */
const STARTUP_LIMIT_MS = 5000;
/** After the budget, a moment for the harness to stop async runaways itself (with a fuller observation). */
const KILL_SLACK_MS = 150;

interface Pending {
  id: number;
  request: RunRequest;
  events?: RunEvents;
  scenario?: string;
  logs: Map<string, LogLine[]>;
  resolve(observation: Observation): void;
  timer: ReturnType<typeof setTimeout>;
  /** True once the worker said learner code started: the budget clock is running. */
  started: boolean;
}

let workerCode: Promise<string> | undefined;

/** The harness worker's source, fetched once per page (it is a hashed, cached asset). */
function loadWorkerCode(): Promise<string> {
  workerCode ??= fetch(workerUrl).then((r) => {
    if (!r.ok) throw new Error(`could not load the sandbox (${r.status})`);
    return r.text();
  });
  return workerCode;
}

export class BrowserRunner implements Runner {
  readonly kind = 'browser' as const;
  readonly label = RUNTIME_LABELS.browser;
  #frame: HTMLIFrameElement | undefined;
  #ready: Promise<void> | undefined;
  #nextId = 1;
  #pending: Pending | undefined;

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
    return new Promise<Observation>((resolve) => {
      const id = this.#nextId++;
      const pending: Pending = {
        id,
        request,
        events,
        logs: new Map(),
        started: false,
        resolve: (observation) => {
          clearTimeout(pending.timer);
          if (this.#pending === pending) this.#pending = undefined;
          resolve(observation);
        },
        timer: setTimeout(
          () => this.#kill(pending, 'The sandbox took too long to start. Reload the page to try again.', 'internal'),
          STARTUP_LIMIT_MS,
        ),
      };
      this.#pending = pending;
      this.#post({ type: 'run', id, request });
    });
  }

  stop(): void {
    if (this.#pending) this.#kill(this.#pending, 'You stopped the run.');
  }

  #kill(pending: Pending, message: string, kind: 'budget' | 'internal' = 'budget'): void {
    this.#post({ type: 'stop' });
    pending.resolve(
      stoppedObservation({
        exercise: pending.request.exercise,
        mode: pending.request.mode,
        seed: pending.request.seed,
        scenario: pending.scenario,
        logs: pending.scenario ? (pending.logs.get(pending.scenario) ?? []) : [],
        error: { kind, message },
      }),
    );
  }

  #post(message: ToFrame): void {
    this.#frame?.contentWindow?.postMessage(message, '*');
  }

  async #start(): Promise<void> {
    const code = loadWorkerCode();
    const frame = document.createElement('iframe');
    // allow-scripts only: no allow-same-origin, so the frame's origin is opaque.
    frame.setAttribute('sandbox', 'allow-scripts');
    // Where the isolation headers come from a service worker (GitHub Pages),
    // the frame's own response lacks COEP; a credentialless frame may still
    // load under COEP (Chromium). It has no cookies to lose: its origin is opaque.
    frame.setAttribute('credentialless', '');
    frame.setAttribute('title', 'Code sandbox');
    frame.setAttribute('aria-hidden', 'true');
    frame.tabIndex = -1;
    frame.style.cssText = 'position:absolute;width:0;height:0;border:0;visibility:hidden';
    frame.src = `${import.meta.env.BASE_URL.replace(/\/?$/, '/')}sandbox/frame.html`;
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
    const pending = this.#pending;
    if (!pending || !('id' in message) || message.id !== pending.id) return;
    switch (message.type) {
      case 'scenario':
        pending.scenario = message.scenario;
        if (!pending.started) {
          // The harness stops async runaways itself; this timer catches a `while (true) {}`.
          pending.started = true;
          clearTimeout(pending.timer);
          pending.timer = setTimeout(() => this.#kill(pending, budgetMessage(pending.request.budgetMs)), pending.request.budgetMs + KILL_SLACK_MS);
        }
        break;
      case 'logs': {
        const lines = pending.logs.get(message.scenario) ?? [];
        lines.push(...message.lines);
        pending.logs.set(message.scenario, lines);
        pending.events?.onLogs?.(message.scenario, message.lines);
        break;
      }
      case 'done':
        pending.resolve(message.observation);
        break;
      case 'crash':
        pending.resolve(
          stoppedObservation({
            exercise: pending.request.exercise,
            mode: pending.request.mode,
            seed: pending.request.seed,
            scenario: pending.scenario,
            logs: pending.scenario ? (pending.logs.get(pending.scenario) ?? []) : [],
            error: { kind: 'internal', message: `The sandbox stopped unexpectedly (${message.message}). If your code builds something huge, it may have run out of memory.` },
          }),
        );
        break;
    }
  }
}
