/**
 * Runs learner code in a worker thread and returns its Observation. The
 * supervisor terminates the worker at the budget (counted from when learner
 * code starts), so a `while (true) {}` can't hang the CLI or the test run;
 * output streamed before that is kept.
 */
import { Worker } from 'node:worker_threads';
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { hashString } from '../harness/scenario-run.ts';
import type { Mode, Observation } from '../harness/observation.ts';
import { supervise, type RunMessage } from '../runtime/supervisor.ts';
import { RUN_BUDGET_MS } from '../harness/limits.ts';
import type { WorkerInput } from './harness-worker.ts';
import type { Route } from '../exercise/spec.ts';

interface ObserveOptions {
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

/**
 * Time to start a worker, load the bundle and transpile, before learner code
 * runs. Not part of the learner's budget, and generous: on a loaded machine
 * it takes seconds.
 */
const STARTUP_LIMIT_MS = 60_000;
/** After the budget, a moment for the harness to stop async runaways itself (with a fuller observation). */
const KILL_SLACK_MS = 250;
/** Memory a learner's run may use before the worker is stopped. */
const HEAP_LIMIT_MB = 512;

const CACHE_DIR = fileURLToPath(new URL('../../../node_modules/.cache/course-harness/', import.meta.url));
const bundles = new Map<string, Promise<string>>();

/**
 * One ES module holding the harness, the check spec and their dependencies.
 * Loading that in a worker takes tens of ms; importing the .ts sources one by
 * one (Node's type stripping, Sucrase's many files) took about 300.
 */
function workerBundle(checkPath: string): Promise<string> {
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
  const budgetMs = options.budgetMs ?? RUN_BUDGET_MS;
  const bundle = await workerBundle(options.checkPath);
  const run = { exercise: options.exercise, mode: options.mode, seed: options.seed, budgetMs };
  const supervised = supervise({
    run,
    startupLimitMs: STARTUP_LIMIT_MS,
    startupMessage: `The run did not start within ${STARTUP_LIMIT_MS / 1000} s (the machine may be very busy).`,
    killSlackMs: KILL_SLACK_MS,
    launch: (attempt) => {
      const input: WorkerInput = {
        routes: options.routes,
        request: { ...run, source: options.source, deadlineMs: attempt.deadlineMs },
      };
      const worker = new Worker(bundle, {
        workerData: input,
        stdout: true,
        stderr: true,
        resourceLimits: { maxOldGenerationSizeMb: HEAP_LIMIT_MB },
      });
      // Learner code writing to process.stdout directly is not part of the observation.
      worker.stdout.resume();
      worker.stderr.resume();
      worker.on('message', (message: RunMessage) => attempt.receive(message));
      worker.on('error', (error: Error & { code?: string }) => {
        const memory = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
        attempt.fail({
          kind: memory ? 'budget' : 'internal',
          message: memory
            ? `Your code used more than ${HEAP_LIMIT_MB} MB of memory and was stopped. Is something growing without end?`
            : `The run crashed: ${error.message}`,
        });
      });
      worker.on('exit', (code) => {
        attempt.fail({ kind: 'internal', message: `The run ended early (exit code ${code}) before it could report.` });
      });
      return { kill: () => void worker.terminate() };
    },
  });
  return supervised.result;
}
