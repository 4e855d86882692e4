/**
 * Runs learner code for one scenario and records what happened.
 *
 * This file coordinates: it installs the learner's globals
 * (learner-globals.ts), loads the learner's module, calls the scenario's
 * drive(), lets the driver turn the event loop (scenario-driver.ts), and
 * returns the observation. The state they share is in scenario-state.ts.
 */
import type { Mode, LogLine, ScenarioObservation } from './observation.ts';
import type { HarnessApi, Scenario, SpanHandle, ExportKind } from '../exercise/spec.ts';
import { RealTimers } from './timers.ts';
import { real } from './real.ts';
import { describeThrown, inspect } from './format.ts';
import { learnerPosition, type CompiledModule } from './transpile.ts';
import { normaliseMs } from './time-input.ts';
import { ExitRequest, toJson } from './learner-values.ts';
import { hashString, mulberry32 } from './random.ts';
import { ScenarioState } from './scenario-state.ts';
import { installGlobals } from './learner-globals.ts';
import { makeRequire, simulate, sleep } from './learner-work.ts';
import { driveScenario } from './scenario-driver.ts';

export { hashString, mulberry32 };
export { toJson };

export * from './limits.ts';

export interface ScenarioOptions {
  scenario: Scenario;
  mode: Mode;
  seed: number;
  exports: Record<string, ExportKind>;
  /** True once the run has used its time (CPU time under Check where the runtime measures it). */
  overDeadline: () => boolean;
  /** Tells the host the event loop still turns (called at most every 200 ms of real time). */
  alive?: () => void;
  budgetMs: number;
  /** Simulated ms allowed after main settles, for late output. */
  graceMs: number;
  /** Under Run in Node.js: send simulated URLs to this real local server (e.g. http://localhost:3111). */
  realFetchBase?: string;
  /** Called with output as it appears, so a killed run still shows its lines. */
  onLogs?: (lines: LogLine[]) => void;
  /** Names the learner's code imports from `@course/helpers`, with their lines (checked when it is required). */
  helperImports?: ReadonlyArray<{ imported: string; line: number }>;
}

export async function runScenario(module: CompiledModule, options: ScenarioOptions): Promise<ScenarioObservation> {
  const run = new ScenarioRun(options, module.globals);
  return run.execute(module.run);
}

class ScenarioRun {
  readonly #o: ScenarioOptions;
  readonly #run: ScenarioState;
  /** The global object learner code sees (its compartment's, once the realm is hardened). */
  readonly #learnerGlobals: Record<string, unknown>;

  constructor(options: ScenarioOptions, learnerGlobals: Record<string, unknown>) {
    this.#o = options;
    this.#learnerGlobals = learnerGlobals;
    this.#run = new ScenarioState(options);
  }

  async execute(moduleFunction: CompiledModule['run']): Promise<ScenarioObservation> {
    const run = this.#run;
    const restoreGlobals = installGlobals(run, this.#learnerGlobals);
    try {
      const api = this.#api();
      let helpers: Record<string, unknown> = {};
      try {
        helpers = this.#o.scenario.helpers?.(api) ?? {};
      } catch (error) {
        run.internal(error);
      }
      const module = { exports: {} as Record<string, unknown> };
      const require = makeRequire(run, helpers, this.#o.helperImports);
      let moduleFailed = false;
      let modulePromise: Promise<void>;
      run.inSync = true;
      try {
        modulePromise = moduleFunction.call(undefined, module.exports, require, module);
      } catch (error) {
        modulePromise = real.Promise.reject(error);
      } finally {
        run.inSync = false;
      }
      const main = modulePromise.then(
        () => {
          const exports = module.exports;
          const missing = this.#missingExport(exports);
          if (missing) {
            run.rec.errors.push({ kind: 'missing-export', message: missing, t: run.timers.now() });
            run.stopped = true;
            return undefined;
          }
          run.inSync = true;
          try {
            return this.#o.scenario.drive(exports, api, helpers);
          } finally {
            run.inSync = false;
          }
        },
        (error: unknown) => {
          moduleFailed = true;
          run.recordThrown('uncaught', error);
          throw error;
        },
      );
      main.then(
        (value) => run.settle({ state: 'fulfilled', at: run.timers.now(), seq: ++run.rec.seq, value: toJson(value) }),
        (error: unknown) => {
          if (moduleFailed || run.stopped) return;
          if (error instanceof ExitRequest) return;
          const { name, message } = describeThrown(error);
          const position = learnerPosition(error);
          run.settle({ state: 'rejected', at: run.timers.now(), seq: ++run.rec.seq, error: { name, message, ...position } });
        },
      );
      await driveScenario(run);
      if (run.settled.state === 'pending') run.pendingAtSettle = run.openLearnerSpans();
    } finally {
      restoreGlobals();
      if (run.timers instanceof RealTimers) run.timers.dispose();
    }
    run.rec.flush(true);
    return {
      scenario: this.#o.scenario.name,
      mode: this.#o.mode,
      params: this.#o.scenario.params ?? null,
      logs: run.rec.logs,
      droppedLines: run.rec.dropped,
      outputTruncated: run.rec.truncated,
      spans: run.rec.spans,
      errors: run.rec.errors,
      settled: run.settled,
      pendingAtSettle: run.pendingAtSettle,
      totalTime: run.timers.now(),
      ...(run.timers.virtual ? {} : { clock: 'real' as const }),
      record: run.rec.record,
    };
  }

  #missingExport(exports: Record<string, unknown>): string | undefined {
    for (const [name, kind] of Object.entries(this.#o.exports)) {
      const value = exports[name];
      if (value === undefined) {
        return `Your code doesn't export \`${name}\`. Add \`export\` in front of its declaration, e.g. \`export ${kind === 'function' ? `async function ${name}` : `const ${name}`}\`.`;
      }
      if (kind === 'function' && typeof value !== 'function') return `\`${name}\` must be a function, but your code exports ${inspect(value, 0)}.`;
      if (kind === 'array' && !Array.isArray(value)) return `\`${name}\` must be an array, but your code exports ${inspect(value, 0)}.`;
    }
    return undefined;
  }

  #api(): HarnessApi {
    const run = this.#run;
    return {
      mode: this.#o.mode,
      now: () => run.timers.now(),
      sleep: (ms, signal, label) => sleep(run, ms, signal, label),
      operation: (label, ms, settle, opts) => simulate(run, label, 'op', ms, settle, opts?.signal, opts?.detail),
      blockFor: (requested) => {
        const ms = normaliseMs(requested);
        if (ms === 0) return;
        const last = run.rec.spans.at(-1);
        if (last && last.kind === 'cpu' && last.end === run.timers.now()) {
          run.timers.advance(ms);
          last.end = run.timers.now();
          last.endSeq = ++run.rec.seq;
          last.ms = (last.ms ?? 0) + ms;
        } else {
          const span = run.rec.startSpan('CPU work', 'cpu', 'learner', { ms });
          run.timers.advance(ms);
          run.rec.endSpan(span);
        }
      },
      span: (label, kind = 'user', detail) => {
        const span = run.rec.startSpan(label, kind, 'learner', detail ? { detail } : {});
        const handle: SpanHandle = { id: span?.id ?? -1, end: (outcome = 'ok') => run.rec.endSpan(span, outcome) };
        return handle;
      },
      record: (key, value) => {
        run.rec.record[key] = toJson(value);
      },
      harnessTimeout: (fn, ms, label) => {
        run.timer(fn, ms, [], { kind: 'timer', owner: 'harness', label });
      },
      random: () => run.random(),
      token: () => Math.floor(run.random() * 36 ** 4).toString(36).padStart(4, '0'),
      routes: (routes) => {
        run.routes = { ...routes };
      },
      log: (text) => run.rec.log('info', text),
    };
  }
}
