/**
 * Captures what every snippet prints (Node only): Python under python3 on the
 * virtual clock, TypeScript through the course harness, or under real Node
 * for `// runs-in: node` snippets. scripts/capture-snippets.ts writes the
 * result to content/snippets/outputs.json; the tests compare fresh runs with
 * it, so the committed outputs can't go stale.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { observeProgram } from '../node/observe-program.ts';
import { parseDirectives } from './directives.ts';
import { listSnippets, readRoutes, readSnippet, SNIPPETS_DIR } from './files.ts';
import { harnessRun, plainLines, type CapturedRun, type SnippetOutputs } from './outputs.ts';
import { capturePython, interpreterFor } from './python-run.ts';

/** Real-time budget of one harness run: generous, as the machine may be busy. */
const BUDGET_MS = 30_000;

/** Snippets that are run at all: Python ones that need a package are only compiled, so they have no output. */
function capturablePython(): string[] {
  return listSnippets('.py').filter((src) => parseDirectives(readSnippet(src), src).needs.length === 0);
}

/** A `runs-in: node` snippet under the Node that runs this code (22, via npm scripts): stdout, then stderr. */
export function captureNode(src: string): CapturedRun {
  const run = spawnSync(process.execPath, [join(SNIPPETS_DIR, src)], { encoding: 'utf8', timeout: 20_000 });
  // Node's warnings name the file by its absolute path; the page shows the snippet's own path.
  const stderr = (run.stderr ?? '').split(`file://${SNIPPETS_DIR}/`).join('').split(`${SNIPPETS_DIR}/`).join('');
  return { lines: [...plainLines(run.stdout ?? '', 'out'), ...plainLines(stderr, 'err')], exitCode: run.status ?? -1 };
}

async function captureTypeScript(src: string): Promise<CapturedRun> {
  const source = readSnippet(src);
  if (parseDirectives(source, src).runsIn === 'node') return captureNode(src);
  return harnessRun(await observeProgram(source, { routes: readRoutes(src), budgetMs: BUDGET_MS }));
}

/** Runs `jobs` with at most `limit` at a time (the machine is shared), keeping their order. */
async function pool<T, R>(items: readonly T[], limit: number, job: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await job(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Every snippet's output, keyed by path, in a stable order (so the committed file diffs cleanly). */
export async function captureAll(options: { python: boolean; concurrency?: number; previous?: SnippetOutputs }): Promise<SnippetOutputs> {
  const limit = options.concurrency ?? 2;
  const ts = listSnippets('.ts');
  const py = options.python ? capturablePython() : [];
  const tsRuns = await pool(ts, limit, captureTypeScript);
  // A snippet that needs a newer Python than this machine has keeps its previous capture.
  const pyRuns = await pool(py, limit, async (src) => {
    const python = interpreterFor(src);
    const kept = options.previous?.python[src];
    if (!python.ok && kept) {
      process.stderr.write(`snippets:capture: ${python.reason}; keeping its previous capture\n`);
      return kept;
    }
    return capturePython(src);
  });
  return {
    version: 1,
    python: Object.fromEntries(py.map((src, i) => [src, pyRuns[i]!])),
    typescript: Object.fromEntries(ts.map((src, i) => [src, tsRuns[i]!])),
  };
}
