/**
 * Messages between the page, the sandbox frame and the worker inside it.
 * page ──load/run/stop──► frame ──request──► worker
 * page ◄──ready/loaded/started/scenario/logs/done/crash── frame ◄── worker
 */
import type { RunRequest } from './runner.ts';
import type { RunMessage } from './supervisor.ts';

/** What the worker runs: the page's request, and the time this try allows (more on a retry). */
export type SandboxRun = RunRequest & { deadlineMs: number };

export type ToFrame =
  | { type: 'load'; code: string }
  | { type: 'run'; id: number; request: SandboxRun }
  | { type: 'stop' };

export type FromWorker = RunMessage;

export type FromFrame =
  | { type: 'ready' }
  | { type: 'loaded' }
  | (FromWorker & { id: number })
  | { type: 'crash'; id: number; message: string };
