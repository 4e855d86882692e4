/**
 * The harness as a Node program, for WebContainer: `node run.mjs` and
 * `node check.mjs` call `main(mode)`. It runs the learner's main.js exactly
 * as the browser worker and the CLI do, prints each line as it appears (the
 * terminal shows it), and leaves the Observation in .course/observation.json
 * for the page to judge. Bundled with the check specs by vite-plugin.mjs.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { CheckSpec } from '../../exercise/spec.ts';
import { PROGRAM_ID, programSpec } from '../../exercise/program-spec.ts';
import { runExercise } from '../../harness/run-exercise.ts';
import type { Mode } from '../../harness/observation.ts';
import type { RunRequest } from '../runner.ts';
import { terminalMark } from './files.ts';
import { hardenRealm } from '../../harness/hardening.ts';

export const REQUEST_FILE = '.course/request.json';
export const OBSERVATION_FILE = '.course/observation.json';

export async function runInNode(mode: Mode, specs: Record<string, CheckSpec>): Promise<void> {
  const request = JSON.parse(readFileSync(REQUEST_FILE, 'utf8')) as RunRequest & { realFetchBase?: string; deadlineMs?: number };
  const spec = request.exercise === PROGRAM_ID ? programSpec(request.routes) : specs[request.exercise];
  if (!spec) {
    process.stderr.write(`There is no exercise called "${request.exercise}".\n`);
    process.exitCode = 2;
    return;
  }
  const write = process.stdout.write.bind(process.stdout);
  hardenRealm();
  const observation = await runExercise({
    exercise: request.exercise,
    mode,
    seed: request.seed,
    source: readFileSync('main.js', 'utf8'),
    budgetMs: request.budgetMs,
    deadlineMs: request.deadlineMs,
    spec,
    realFetchBase: request.realFetchBase,
    onStart: () => write(terminalMark({ type: 'started' })),
    onScenario: (scenario) => write(terminalMark({ type: 'scenario', scenario })),
    onLogs: (_scenario, lines) => {
      for (const line of lines) write(`${line.text}\n`);
    },
  });
  writeFileSync(OBSERVATION_FILE, JSON.stringify(observation));
}
