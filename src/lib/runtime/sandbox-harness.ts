/**
 * The body of the browser runtime's worker (its entry is sandbox-worker.ts):
 * the isomorphic harness with every check spec, started fresh for each run
 * inside the sandbox frame (opaque origin, no network).
 */
import type { CheckSpec } from '../exercise/spec.ts';
import { runExercise } from '../harness/run-exercise.ts';
import { hardenRealm } from '../harness/hardening.ts';
import { PROGRAM_ID, programSpec } from '../exercise/program-spec.ts';
import type { FromWorker, SandboxRun } from './protocol.ts';
import type { RunRequest } from './runner.ts';
// The one list of check specs the browser bundles share (it imports nothing else, so no page code comes with it).
import { checkSpecLoader } from '../../components/exercise/check-specs.ts';

/**
 * The spec for a run. The worker is built as one classic script, so every
 * spec in the shared list is already inside it: loading one fetches nothing.
 */
function specFor(request: RunRequest): Promise<CheckSpec | undefined> {
  if (request.exercise === PROGRAM_ID) return Promise.resolve(programSpec(request.routes));
  return checkSpecLoader(request.exercise)?.() ?? Promise.resolve(undefined);
}

/** The first (and only) message: the request, and the port every answer goes through. */
export interface WorkerStart {
  request: SandboxRun;
  port: MessagePort;
}

self.addEventListener('message', async (event: MessageEvent<WorkerStart>) => {
  const { request, port } = event.data;
  // Answers go through a port learner code never sees, with postMessage bound
  // before learner code runs: `self.postMessage(...)` from learner code reaches
  // no one, so it can't forge a "done" with a made-up observation.
  const send = port.postMessage.bind(port);
  const post = (message: FromWorker) => send(message);
  // The spec module is evaluated before the realm is hardened, as it was when the specs loaded with the worker.
  const spec = await specFor(request);
  hardenRealm();
  if (!spec) {
    post({
      type: 'done',
      observation: {
        exercise: request.exercise,
        mode: request.mode,
        seed: request.seed,
        scenarios: [],
        compileError: { kind: 'internal', message: `There is no exercise called "${request.exercise}".` },
      },
    });
    return;
  }
  void runExercise({
    exercise: request.exercise,
    mode: request.mode,
    seed: request.seed,
    source: request.source,
    budgetMs: request.budgetMs,
    deadlineMs: request.deadlineMs,
    spec,
    onStart: () => post({ type: 'started' }),
    onAlive: (usedMs) => post({ type: 'alive', usedMs }),
    onScenario: (scenario) => post({ type: 'scenario', scenario }),
    onLogs: (scenario, lines) => post({ type: 'logs', scenario, lines }),
  }).then((observation) => post({ type: 'done', observation }));
}, { once: true });
