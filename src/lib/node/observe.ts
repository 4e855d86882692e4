/**
 * Runs learner code in a worker thread and returns its Observation. The
 * worker is terminated at the budget, so a `while (true) {}` can't hang the
 * CLI or the test run; output streamed before that is kept.
 */
import { Worker } from 'node:worker_threads';
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { hashString } from '../harness/scenario-run.ts';
import type { LogLine, Mode, Observation } from '../harness/observation.ts';
import { budgetMessage, stoppedObservation } from '../harness/stopped.ts';
import { DEFAULT_BUDGET_MS } from '../harness/run-exercise.ts';
import type { WorkerInput, WorkerMessage } from './harness-worker.ts';
import type { Route } from '../exercise/spec.ts';

export interface ObserveOptions {
  exercise: string;
  /** The exercise's check.ts, or 'program' for a free-standing program (see program-spec.ts). */
  checkPath: string | 'program';
  /** Simulated fetch endpoints, for programs. */
  routes?: Record<string, Route>;
  source: string;
  mode: Mode;
  seed: number;
  budgetMs?: number;
}

/** Time to start a worker and load the harness, on top of the learner's budget. */
const STARTUP_SLACK_MS = 1000;
/** Memory a learner's run may use before the worker is stopped. */
const HEAP_LIMIT_MB = 512;

const CACHE_DIR = fileURLToPath(new URL('../../../node_modules/.cache/course-harness/', import.meta.url));
const bundles = new Map<string, Promise<string>>();

/**
 * One ES module holding the harness, the check spec and their dependencies.
 * Loading that in a worker takes tens of ms; importing the .ts sources one by
 * one (Node's type stripping, Sucrase's many files) took about 300.
 */
export function workerBundle(checkPath: string): Promise<string> {
  let bundle = bundles.get(checkPath);
  if (!bundle) {
    bundle = (async () => {
      const workerModule = fileURLToPath(new URL('./harness-worker.ts', import.meta.url));
      const programModule = fileURLToPath(new URL('../exercise/program-spec.ts', import.meta.url));
      const specImport =
        checkPath === 'program'
          ? `import { programSpec } from ${JSON.stringify(programModule)};\nimport { workerData } from 'node:worker_threads';\nconst spec = programSpec(workerData.routes);\n`
          : `import spec from ${JSON.stringify(checkPath)};\n`;
      // esbuild resolves the entry from here, so it must exist on a fresh clone.
      mkdirSync(CACHE_DIR, { recursive: true });
      const result = await build({
        stdin: {
          contents: `${specImport}import { startWorker } from ${JSON.stringify(workerModule)};\nawait startWorker(spec);\n`,
          resolveDir: CACHE_DIR,
          loader: 'ts',
        },
        bundle: true,
        platform: 'node',
        format: 'esm',
        target: 'node22',
        write: false,
        logLevel: 'silent',
      });
      const code = result.outputFiles[0].text;
      const file = join(CACHE_DIR, `${hashString(checkPath + code).toString(36)}.mjs`);
      if (!existsSync(file)) writeFileSync(file, code);
      return file;
    })();
    bundles.set(checkPath, bundle);
  }
  return bundle;
}

export async function observe(options: ObserveOptions): Promise<Observation> {
  const budgetMs = options.budgetMs ?? DEFAULT_BUDGET_MS;
  const input: WorkerInput & { routes?: Record<string, Route> } = {
    routes: options.routes,
    request: { exercise: options.exercise, mode: options.mode, seed: options.seed, source: options.source, budgetMs },
  };
  const bundle = await workerBundle(options.checkPath);
  const worker = new Worker(bundle, {
    workerData: input,
    stdout: true,
    stderr: true,
    resourceLimits: { maxOldGenerationSizeMb: HEAP_LIMIT_MB },
  });
  // Learner code writing to process.stdout directly is not part of the observation.
  worker.stdout.resume();
  worker.stderr.resume();
  let scenario: string | undefined;
  const streamed = new Map<string, LogLine[]>();

  return new Promise<Observation>((resolve) => {
    let settled = false;
    const finish = (observation: Observation) => {
      if (settled) return;
      settled = true;
      clearTimeout(killTimer);
      void worker.terminate();
      resolve(observation);
    };
    const stopped = (kind: 'budget' | 'internal', message: string): Observation =>
      stoppedObservation({
        exercise: options.exercise,
        mode: options.mode,
        seed: options.seed,
        scenario,
        logs: scenario ? (streamed.get(scenario) ?? []) : [],
        error: { kind, message },
      });
    const killTimer = setTimeout(() => {
      finish(stopped('budget', budgetMessage(budgetMs)));
    }, budgetMs + STARTUP_SLACK_MS);
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'scenario') {
        scenario = message.scenario;
      } else if (message.type === 'logs') {
        const lines = streamed.get(message.scenario) ?? [];
        lines.push(...message.lines);
        streamed.set(message.scenario, lines);
      } else if (message.type === 'done') {
        finish(message.observation);
      }
    });
    worker.on('error', (error: Error & { code?: string }) => {
      const memory = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
      finish(
        stopped(
          memory ? 'budget' : 'internal',
          memory
            ? `Your code used more than ${HEAP_LIMIT_MB} MB of memory and was stopped. Is something growing without end?`
            : `The run crashed: ${error.message}`,
        ),
      );
    });
    worker.on('exit', (code) => {
      finish(stopped('internal', `The run ended early (exit code ${code}) before it could report.`));
    });
  });
}
