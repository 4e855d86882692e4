/**
 * One interface for every place learner code can run. The page talks only to
 * a Runner; which one it gets is decided by `pickRuntime`, a pure function
 * of what the browser can do and what the learner chose.
 */
import type { LogLine, Mode, Observation } from '../harness/observation.ts';
import type { Route } from '../exercise/spec.ts';
import type { ProcessLike } from './webcontainer/api.ts';

export interface RunRequest {
  /** An exercise id, or PROGRAM_ID for a free-standing program. */
  exercise: string;
  source: string;
  mode: Mode;
  seed: number;
  budgetMs: number;
  /** Simulated endpoints for a program's fetch (ignored for exercises). */
  routes?: Record<string, Route>;
}

export interface RunEvents {
  /** Output as it is printed. */
  onLogs?(scenario: string, lines: LogLine[]): void;
  /** Raw terminal output, for a runtime with a terminal (Node.js in WebContainer). */
  onTerminal?(chunk: string): void;
}

/** An interactive process in a runtime's terminal. */
export type ShellProcess = ProcessLike;

export type RuntimeKind = 'browser' | 'webcontainer';

export interface Runner {
  readonly kind: RuntimeKind;
  /** What the UI calls it: "Browser" or "Node.js (WebContainer)". */
  readonly label: string;
  /** Gets ready ahead of the first run (starts the sandbox, mounts the files); safe to call again. */
  warm(): Promise<void>;
  /** Runs to the end or to the budget; resolves with an Observation, never rejects for learner faults. */
  run(request: RunRequest, events?: RunEvents): Promise<Observation>;
  /** Stops a run in progress (the learner pressed Stop, or left the page). */
  stop(): void;
  /** Opens an interactive shell, where the runtime has a terminal (`node main.js`, …); absent in the browser. */
  shell?(dimensions: { cols: number; rows: number }): Promise<ShellProcess>;
}

export const RUNTIME_LABELS: Record<RuntimeKind, string> = {
  browser: 'Browser',
  webcontainer: 'Node.js (WebContainer)',
};

/** The learner's choice in the "Runtime" control. */
export type RuntimePreference = 'auto' | 'browser' | 'node';

export interface RuntimeEnvironment {
  preference: RuntimePreference;
  /** The site's switch: false turns WebContainer off everywhere. */
  webcontainerEnabled: boolean;
  /**
   * The site's PUBLIC_WEBCONTAINER=on-demand: under Auto, WebContainer is never booted in the
   * background; it boots only when the learner chooses Node.js. Default false (Auto boots it).
   */
  onDemand?: boolean;
  crossOriginIsolated: boolean;
  sharedArrayBuffer: boolean;
  /** Chromium- or Firefox-based desktop browsers are what WebContainer supports well. */
  supportedBrowser: boolean;
  /** Where the WebContainer boot stands in this tab. */
  boot: 'idle' | 'booting' | 'ready' | 'failed' | 'timed-out';
}

export interface RuntimeChoice {
  kind: RuntimeKind;
  /** Why Node.js is not in use, in plain words (shown in a status region); absent when it is, or wasn't asked for. */
  reason?: string;
  /** True when a WebContainer boot should be started (or continued) in the background. */
  bootWebContainer: boolean;
}

export const FALLBACK_SUFFIX = 'running in the browser instead.';

/**
 * Decides which runtime runs the code. Pure, so it is table-tested.
 *
 * Under Auto it never gives a reason: the browser runtime does everything the course
 * needs, so a learner who didn't ask for Node.js is not told why they don't have it
 * (where StackBlitz is blocked, that notice used to show on every panel). A learner
 * who chose Node.js is told every reason.
 */
export function pickRuntime(env: RuntimeEnvironment): RuntimeChoice {
  const wantsNode = env.preference === 'node';
  const browser = (reason?: string): RuntimeChoice => ({ kind: 'browser', reason: wantsNode ? reason : undefined, bootWebContainer: false });
  if (env.preference === 'browser') return browser();
  const explain = (why: string) => `${why}; ${FALLBACK_SUFFIX}`;
  if (!env.webcontainerEnabled) return browser(explain('Node.js in the page is turned off on this site'));
  if (!env.crossOriginIsolated || !env.sharedArrayBuffer) {
    return browser(explain("This page isn't cross-origin isolated, so this browser can't run Node.js in the page"));
  }
  if (!env.supportedBrowser) return browser(explain("This browser can't run Node.js in the page"));
  switch (env.boot) {
    case 'ready':
      return { kind: 'webcontainer', bootWebContainer: false };
    case 'failed':
      return browser(explain("Node.js couldn't start in this page"));
    case 'timed-out':
      return browser(explain('Node.js took too long to start (it needs to reach StackBlitz, which may be blocked)'));
    case 'idle':
      if (env.onDemand && !wantsNode) return browser();
      return { kind: 'browser', bootWebContainer: true, reason: wantsNode ? 'Node.js is starting; running in the browser until it is ready.' : undefined };
    case 'booting':
      return { kind: 'browser', bootWebContainer: true, reason: wantsNode ? 'Node.js is starting; running in the browser until it is ready.' : undefined };
  }
}
