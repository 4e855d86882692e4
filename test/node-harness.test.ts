/**
 * What WebContainer runs, run by real Node here: the harness bundle the Vite
 * plugin builds, mounted as files.ts lays it out, started with `node
 * check.mjs`. Its verdict must equal the CLI's for the same code — the
 * "same verdict in either runtime" promise, short of booting WebContainer.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { nodeHarnessPlugin } from '../src/lib/runtime/webcontainer/vite-plugin.mjs';
import { readMark, runFiles, staticFiles, withoutMarks } from '../src/lib/runtime/webcontainer/files.ts';
import type { FileTreeLike } from '../src/lib/runtime/webcontainer/api.ts';
import { transpile } from '../src/lib/harness/transpile.ts';
import { checkSource, loadSpec, seedFor, verdictFor } from '../src/lib/node/check-file.ts';
import { loadExercise } from '../src/lib/node/exercises.ts';
import { judge } from '../src/lib/judge/judge.ts';
import type { Observation } from '../src/lib/harness/observation.ts';

let harnessCode = '';

beforeAll(async () => {
  const plugin = nodeHarnessPlugin();
  const module = (await plugin.load.call({ addWatchFile() {} }, '\0virtual:course-node-harness')) as string;
  harnessCode = JSON.parse(module.replace(/^export default /, '').replace(/;$/, ''));
}, 60_000);

function writeTree(dir: string, tree: FileTreeLike) {
  for (const [name, node] of Object.entries(tree)) {
    const path = join(dir, name);
    if ('directory' in node) {
      mkdirSync(path, { recursive: true });
      writeTree(path, node.directory);
    } else {
      writeFileSync(path, node.file.contents);
    }
  }
}

function runInContainerLayout(id: string, source: string, mode: 'run' | 'check'): { observation: Observation; stdout: string } {
  const dir = mkdtempSync(join(tmpdir(), 'course-node-'));
  writeTree(dir, staticFiles(harnessCode));
  const js = transpile(source, { modules: 'esm' });
  if (!js.ok) throw new Error('fixture does not compile');
  const request = { exercise: id, source, mode, seed: seedFor(source), budgetMs: 5000 };
  for (const [path, contents] of Object.entries(runFiles({ source, javascript: js.code, request }))) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), contents);
  }
  const result = spawnSync(process.execPath, [mode === 'run' ? 'run.mjs' : 'check.mjs'], { cwd: dir, encoding: 'utf8', timeout: 20_000 });
  if (result.status !== 0) throw new Error(`node exited ${result.status}: ${result.stderr}`);
  return { observation: JSON.parse(readFileSync(join(dir, '.course/observation.json'), 'utf8')), stdout: result.stdout };
}

describe('the Node.js runtime layout, run by real Node', () => {
  test.each([
    ['first-coroutine', 'solution.ts'],
    ['first-coroutine', 'wrong/no-await.ts'],
    ['run-concurrently', 'solution.ts'],
    ['fetch-all', 'solution.ts'],
  ])('%s %s: node check.mjs gives the CLI verdict', async (id, file) => {
    const exercise = loadExercise(id);
    const source = readFileSync(join(exercise.dir, file), 'utf8');
    const { observation } = runInContainerLayout(id, source, 'check');
    const spec = await loadSpec(exercise);
    const cli = await checkSource(id, source);
    expect(verdictFor(spec, observation, source)).toEqual(cli.verdict);
  }, 30_000);

  test('node run.mjs prints each line to the terminal as it runs, after marking when learner code started', () => {
    const exercise = loadExercise('first-coroutine');
    const { stdout, observation } = runInContainerLayout('first-coroutine', exercise.solution, 'run');
    // What the terminal shows once the runner takes its marks out.
    expect(withoutMarks(stdout)).toBe('Starting\nFinished\n');
    expect(stdout.split('\n').map(readMark).filter(Boolean)).toEqual([{ type: 'started' }, { type: 'scenario', scenario: 'run' }]);
    expect(observation.mode).toBe('run');
    expect(observation.scenarios[0].settled).toMatchObject({ state: 'fulfilled' });
  }, 30_000);
});
