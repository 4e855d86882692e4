/**
 * Runs Python learner code under CPython (`python3`, a child process) through
 * the course's Python harness, and returns its Observation. Node only: the
 * CLI's path and the unit tests'. The page runs the same harness in Pyodide.
 *
 * The process is killed at the budget, so `while True: pass` can't hang the
 * caller; the lines it printed before that are kept (the harness streams
 * them as they are printed).
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { LogLine, Mode, Observation } from '../harness/observation.ts';
import { RUN_BUDGET_MS } from '../harness/limits.ts';
import {
  budgetStop,
  parseHarnessLine,
  PYTHON_PROGRAM_ID,
  scenarioNameOf,
  stopped,
  toObservation,
  type ObservationContext,
} from './observe-core.ts';
import { pythonRequestSchema, type PythonRequest } from './schema.ts';

export const HARNESS_DIR = fileURLToPath(new URL('./harness/', import.meta.url));

/**
 * Real time python3 may take to start and load the harness, before the
 * learner's budget starts (the harness says when): generous, since a busy
 * machine can take seconds just to start a process.
 */
const STARTUP_LIMIT_MS = 30_000;
/** Oldest Python the harness supports (asyncio.timeout, TaskGroup: 3.11). */
const MIN_MINOR = 11;

type PythonProbe = { ok: true; command: string; version: string } | { ok: false; reason: string };

/** Finds a python3 that can run the harness, or says why not. */
export function findPython(command = process.env.COURSE_PYTHON ?? 'python3'): PythonProbe {
  const probe = spawnSync(command, ['-c', 'import sys; print("%d.%d" % sys.version_info[:2])'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) return { ok: false, reason: `${command} is not installed here` };
  const version = probe.stdout.trim();
  const [major, minor] = version.split('.').map(Number);
  if (major !== 3 || minor! < MIN_MINOR) return { ok: false, reason: `${command} is ${version}; the harness needs 3.${MIN_MINOR} or later` };
  return { ok: true, command, version };
}

interface CPythonOptions {
  /** Real milliseconds the learner's code may run before the process is killed. Default RUN_BUDGET_MS. */
  budgetMs?: number;
  /** Names the observation (default '@python-program'). */
  exercise?: string;
  seed?: number;
  /** python3 by default (or $COURSE_PYTHON). */
  python?: string;
  /** Called with output as it is printed. */
  onLogs?: (lines: LogLine[]) => void;
}

export function observePythonCPython(request: PythonRequest, options: CPythonOptions = {}): Promise<Observation> {
  const checked = pythonRequestSchema.parse(request);
  const budgetMs = options.budgetMs ?? RUN_BUDGET_MS;
  const mode: Mode = checked.mode ?? 'check';
  const context: ObservationContext = { exercise: options.exercise ?? PYTHON_PROGRAM_ID, mode, seed: options.seed ?? 1 };
  const scenario = scenarioNameOf(checked);
  const nonce = randomUUID();
  // -I: isolated (no PYTHON* variables, no user site, no current directory on the path); -B: no .pyc files; UTF-8 throughout.
  const child = spawn(options.python ?? process.env.COURSE_PYTHON ?? 'python3', ['-I', '-B', '-X', 'utf8', join(HARNESS_DIR, 'main.py')], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { PATH: process.env.PATH ?? '', LANG: 'C.UTF-8' },
  });
  const logs: LogLine[] = [];
  let stderr = '';
  let buffer = '';

  return new Promise<Observation>((resolve) => {
    let done = false;
    const finish = (observation: Observation) => {
      if (done) return;
      done = true;
      clearTimeout(killTimer);
      child.kill('SIGKILL');
      resolve(observation);
    };
    let killTimer = setTimeout(
      () => finish(stopped(context, scenario, logs, { kind: 'internal', message: `python3 did not start within ${STARTUP_LIMIT_MS / 1000} s.` })),
      STARTUP_LIMIT_MS,
    );
    const onLine = (text: string) => {
      const message = parseHarnessLine(text, nonce);
      if (!message) return;
      if (message.type === 'start') {
        clearTimeout(killTimer);
        killTimer = setTimeout(() => finish(budgetStop(context, scenario, logs, budgetMs)), budgetMs);
      } else if (message.type === 'line') {
        logs.push(message.line);
        options.onLogs?.([message.line]);
      } else if (message.type === 'observation') {
        finish(toObservation(message.value, context, scenario));
      } else {
        finish(stopped(context, scenario, logs, { kind: 'internal', message: `The Python harness failed: ${message.message}` }));
      }
    };
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffer += chunk;
      let newline: number;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        onLine(buffer.slice(0, newline));
        buffer = buffer.slice(newline + 1);
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      // The harness's own failures land here; learner output never does (it is captured).
      if (stderr.length < 20_000) stderr += chunk;
    });
    child.on('error', (error) => {
      finish(stopped(context, scenario, logs, { kind: 'internal', message: `python3 could not start: ${error.message}` }));
    });
    child.on('close', (code) => {
      if (buffer) onLine(buffer);
      finish(
        stopped(context, scenario, logs, {
          kind: 'internal',
          message: `The Python run ended (exit code ${code}) before it could report.${stderr ? ` ${stderr.trim().split('\n').at(-1)}` : ''}`,
        }),
      );
    });
    child.stdin.on('error', () => {});
    child.stdin.end(`${JSON.stringify({ ...checked, nonce })}\n`);
  });
}

/** A free-standing Python program (a lesson snippet), as `python3 main.py` would run it, on the virtual clock by default. */
export function observePythonProgram(
  source: string,
  options: CPythonOptions & { mode?: Mode; routes?: NonNullable<PythonRequest['helpers']>['routes'] } = {},
): Promise<Observation> {
  return observePythonCPython({ source, mode: options.mode, helpers: options.routes ? { routes: options.routes } : undefined }, options);
}
