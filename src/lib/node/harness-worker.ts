/**
 * Worker-thread side: runs one exercise's scenarios on learner code. The
 * parent (CLI, tests) never runs learner code on its own thread, and it
 * terminates this worker when the budget runs out. `observe.ts` bundles this
 * with the exercise's check spec into one file, so a worker starts fast.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { CheckSpec } from '../exercise/spec.ts';
import type { Route } from '../exercise/spec.ts';
import { runExercise, type HarnessRun } from '../harness/run-exercise.ts';
import type { RunMessage } from '../runtime/supervisor.ts';
import { hardenRealm } from '../harness/hardening.ts';

export interface WorkerInput {
  request: Omit<HarnessRun, 'spec' | 'onLogs' | 'onScenario' | 'onStart'>;
  /** Simulated fetch endpoints, for programs (read by the bundle's entry). */
  routes?: Record<string, Route>;
}

export async function startWorker(spec: CheckSpec): Promise<void> {
  const input = workerData as WorkerInput;
  const port = parentPort!;
  // Bound before learner code exists: nothing it does to MessagePort.prototype reaches this.
  const send = port.postMessage.bind(port);
  const post = (message: RunMessage) => send(message);
  hardenRealm();
  const observation = await runExercise({
    ...input.request,
    spec,
    onStart: () => post({ type: 'started' }),
    onAlive: (usedMs) => post({ type: 'alive', usedMs }),
    onScenario: (scenario) => post({ type: 'scenario', scenario }),
    onLogs: (scenario, lines) => post({ type: 'logs', scenario, lines }),
  });
  post({ type: 'done', observation });
}
