/**
 * The host side of one run, the same for every runtime (the Node worker
 * thread, the browser's sandbox worker, node in WebContainer). A host only
 * says how to launch and kill its kind of run; this module owns the timers,
 * the streamed output and the Observation of a run that had to be killed.
 *
 * A verdict must depend on the code, not on the machine:
 * - the budget counts only while learner code runs. The run reports
 *   `started` right before it calls learner code; until then a separate,
 *   generous startup limit applies (starting a worker, loading the bundle
 *   and transpiling can take seconds on a loaded machine or a slow phone);
 * - a run that hits the budget is tried once more with a longer one before
 *   it is called a runaway. The message still names the learner's budget.
 *
 * Pure: the timers are injected, so tests drive them by hand.
 */
import type { LearnerError, LogLine, Mode, Observation } from '../harness/observation.ts';
import { budgetMessage, stoppedObservation, STOPPED_BY_LEARNER } from '../harness/stopped.ts';

/** What a run tells its host, in every runtime. */
export type RunMessage =
  | { type: 'started' }
  | { type: 'scenario'; scenario: string }
  | { type: 'logs'; scenario: string; lines: LogLine[] }
  | { type: 'done'; observation: Observation }
  /** Sent by a run whose event loop still turns, with the time it has used against its deadline. */
  | { type: 'alive'; usedMs: number };

export interface SupervisorTimers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
  /** Real ms, for how long ago the run last said it was alive. */
  now?(): number;
}

export const systemTimers: SupervisorTimers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  now: () => performance.now(),
};

/** The retry's budget, as a multiple of the learner's: room for a machine that was busy the first time. */
export const RETRY_FACTOR = 3;
/** A run counts as alive if it reported within this many ms. */
const ALIVE_WITHIN_MS = 1000;
/** However alive it says it is, a run is killed after this multiple of its deadline in real time. */
const HARD_LIMIT_FACTOR = 20;

/** One try of a run, as the host sees it. */
export interface Attempt {
  /** 1, or 2 for the retry. */
  readonly number: number;
  /** Real ms learner code may run in this try: the budget, or the longer retry budget. */
  readonly deadlineMs: number;
  /** Feed every message from the run here. Messages after the attempt ended are ignored. */
  receive(message: RunMessage): void;
  /** The host lost the run (it crashed, exited, ran out of memory). */
  fail(error: LearnerError): void;
  /** True once this attempt is over (finished, killed, or replaced by the retry). */
  readonly over: boolean;
}

export interface LaunchedRun {
  kill(): void;
}

export interface SuperviseOptions {
  run: { exercise: string; mode: Mode; seed: number; budgetMs: number };
  /** Starts one try; may be async (spawning a process). */
  launch(attempt: Attempt): LaunchedRun | Promise<LaunchedRun>;
  /** Time allowed from launch until the run reports `started`. */
  startupLimitMs: number;
  /** Said when the run never started. */
  startupMessage: string;
  /** After the budget, a moment for the harness to stop async runaways itself (its observation is fuller). */
  killSlackMs: number;
  /** Retries a budget overrun once (default: only under Check, where a verdict depends on it). */
  retry?: boolean;
  timers?: SupervisorTimers;
  /** Output as it is printed; a retry never repeats lines already streamed. */
  onLogs?(scenario: string, lines: LogLine[]): void;
  /** Called when the first try ran out of budget and a second starts. */
  onRetry?(): void;
}

export interface Supervised {
  readonly result: Promise<Observation>;
  /** Ends the run now (the learner pressed Stop, or another run starts). */
  stop(message?: string): void;
}

export function supervise(options: SuperviseOptions): Supervised {
  const timers = options.timers ?? systemTimers;
  const now = () => (timers.now ?? systemTimers.now!)();
  const { budgetMs } = options.run;
  const retry = options.retry ?? options.run.mode === 'check';
  /** Lines already handed to onLogs, per scenario, across tries. */
  const streamed = new Map<string, number>();
  let resolveResult!: (observation: Observation) => void;
  const result = new Promise<Observation>((resolve) => (resolveResult = resolve));
  let finished = false;
  let current: { end(): void; stopped(error: LearnerError): void } | undefined;

  const finish = (observation: Observation) => {
    if (finished) return;
    finished = true;
    resolveResult(observation);
  };

  const start = (number: number, deadlineMs: number) => {
    let over = false;
    let scenario: string | undefined;
    const logs = new Map<string, LogLine[]>();
    let timer: unknown;
    let handle: LaunchedRun | undefined;
    let startedAt = 0;
    let lastAlive: { at: number; usedMs: number } | undefined;

    const end = () => {
      if (over) return;
      over = true;
      timers.clear(timer);
      handle?.kill();
    };
    const stopped = (error: LearnerError) => {
      end();
      finish(
        stoppedObservation({
          ...options.run,
          scenario,
          logs: scenario ? (logs.get(scenario) ?? []) : [],
          error,
        }),
      );
    };
    const overBudget = () => {
      if (retry && number === 1) {
        end();
        options.onRetry?.();
        start(2, budgetMs * RETRY_FACTOR);
      } else {
        stopped({ kind: 'budget', message: budgetMessage(budgetMs) });
      }
    };

    /**
     * At the budget in real time. A run whose event loop still turns and
     * whose own clock (CPU time, where measured) is under the deadline is
     * only slowed down by a busy machine: it stops itself at its deadline, so
     * wait. One that stopped reporting is stuck in synchronous code: kill it.
     */
    const checkBudget = () => {
      const t = now();
      const alive = lastAlive && t - lastAlive.at <= ALIVE_WITHIN_MS && lastAlive.usedMs < deadlineMs;
      if (alive && t - startedAt < deadlineMs * HARD_LIMIT_FACTOR) {
        timer = timers.set(checkBudget, ALIVE_WITHIN_MS);
        return;
      }
      overBudget();
    };

    const attempt: Attempt = {
      number,
      deadlineMs,
      get over() {
        return over;
      },
      receive(message) {
        if (over || finished) return;
        switch (message.type) {
          case 'started':
            timers.clear(timer);
            startedAt = now();
            // The harness stops async runaways itself; this timer catches a `while (true) {}`.
            timer = timers.set(checkBudget, deadlineMs + options.killSlackMs);
            break;
          case 'alive':
            lastAlive = { at: now(), usedMs: message.usedMs };
            break;
          case 'scenario':
            if (typeof message.scenario === 'string') scenario = message.scenario;
            break;
          case 'logs': {
            // A runtime's messages are untrusted until the page's schema has read them: take
            // only what has the right outer shape, and never spread a huge array into a call.
            if (typeof message.scenario !== 'string' || !Array.isArray(message.lines)) break;
            const lines = logs.get(message.scenario) ?? [];
            for (const line of message.lines) lines.push(line);
            logs.set(message.scenario, lines);
            const sent = streamed.get(message.scenario) ?? 0;
            if (lines.length > sent) {
              options.onLogs?.(message.scenario, lines.slice(sent));
              streamed.set(message.scenario, lines.length);
            }
            break;
          }
          case 'done':
            if (hitBudget(message.observation, budgetMs)) return overBudget();
            end();
            finish(message.observation);
            break;
        }
      },
      fail(error) {
        if (over || finished) return;
        stopped(error);
      },
    };
    current = { end, stopped };
    timer = timers.set(() => stopped({ kind: 'internal', message: options.startupMessage }), options.startupLimitMs);
    void Promise.resolve()
      .then(() => options.launch(attempt))
      .then(
        (launched) => {
          handle = launched;
          if (over) launched.kill();
        },
        (error: unknown) => attempt.fail({ kind: 'internal', message: `The run could not start: ${(error as Error)?.message ?? String(error)}` }),
      );
  };

  start(1, budgetMs);
  return {
    result,
    stop(message = STOPPED_BY_LEARNER) {
      current?.stopped({ kind: 'budget', message });
    },
  };
}

/** The harness's own deadline stopped the run (not the clock-read guard or a virtual limit). */
function hitBudget(observation: unknown, budgetMs: number): boolean {
  const message = budgetMessage(budgetMs);
  // Read defensively: the page's schema judges the shape later; here a doctored one must not throw.
  const scenarios = (observation as { scenarios?: unknown } | null)?.scenarios;
  if (!Array.isArray(scenarios)) return false;
  return scenarios.some((s: { errors?: unknown } | null) =>
    Array.isArray(s?.errors) && s.errors.some((e: { kind?: unknown; message?: unknown } | null) => e?.kind === 'budget' && e?.message === message),
  );
}
