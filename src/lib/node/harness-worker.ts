/**
 * Worker-thread side: runs one exercise's scenarios on learner code. The
 * parent (CLI, tests) never runs learner code on its own thread, and it
 * terminates this worker when the budget runs out. `observe.ts` bundles this
 * with the exercise's check spec into one file, so a worker starts fast.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { CheckSpec } from '../exercise/spec.ts';
import type { LogLine, Observation } from '../harness/observation.ts';
import { runExercise, type RunRequest } from '../harness/run-exercise.ts';

export interface WorkerInput {
  request: Omit<RunRequest, 'spec' | 'onLogs' | 'onScenario'>;
}

export type WorkerMessage =
  | { type: 'scenario'; scenario: string }
  | { type: 'logs'; scenario: string; lines: LogLine[] }
  | { type: 'done'; observation: Observation };

export async function startWorker(spec: CheckSpec): Promise<void> {
  const input = workerData as WorkerInput;
  const port = parentPort!;
  const post = (message: WorkerMessage) => port.postMessage(message);
  const observation = await runExercise({
    ...input.request,
    spec,
    onScenario: (scenario) => post({ type: 'scenario', scenario }),
    onLogs: (scenario, lines) => post({ type: 'logs', scenario, lines }),
  });
  post({ type: 'done', observation });
}
