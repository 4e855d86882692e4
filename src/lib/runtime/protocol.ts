/**
 * Messages between the page, the sandbox frame and the worker inside it.
 * page ──load/run/stop──► frame ──request──► worker
 * page ◄──ready/loaded/scenario/logs/done/crash── frame ◄── worker
 */
import type { LogLine, Observation } from '../harness/observation.ts';
import type { RunRequest } from './runner.ts';

export type ToFrame =
  | { type: 'load'; code: string }
  | { type: 'run'; id: number; request: RunRequest }
  | { type: 'stop' };

export type FromWorker =
  | { type: 'scenario'; scenario: string }
  | { type: 'logs'; scenario: string; lines: LogLine[] }
  | { type: 'done'; observation: Observation };

export type FromFrame =
  | { type: 'ready' }
  | { type: 'loaded' }
  | (FromWorker & { id: number })
  | { type: 'crash'; id: number; message: string };
