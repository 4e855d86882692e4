/**
 * Every Python snippet under content/snippets/ is real Python: it runs under
 * python3 (3.11 or later, standard library only) and exits cleanly. Where a
 * page says a pair prints the same (`<PyTs … same>` in a lesson, `same: true`
 * in the cheat sheet), python3's output is compared with the TypeScript run.
 *
 * Long sleeps are scaled down here, never on the page: python3 starts with a
 * `sitecustomize` (src/lib/snippets/python-run.ts, written to a temporary directory) that
 * puts Python on a virtual clock, as the harness does for TypeScript. Sleeps
 * take no real time and printed timings read exactly as the page says.
 *
 * Snippets that declare `# needs: <package>` (aiohttp) are only compiled:
 * they must appear on a page beside a standard-library version (PyTs `stdlib`).
 * Without python3 (or with one older than 3.11) the runs are skipped, saying why.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { observeProgram } from '../src/lib/node/observe-program.ts';
import { parseDirectives } from '../src/lib/snippets/directives.ts';
import { printedLines } from '../src/lib/snippets/answers.ts';
import { lessonSources, listSnippets, readRoutes, readSnippet, ROOT, SNIPPETS_DIR } from '../src/lib/snippets/files.ts';
import { CAPTURE_COMMAND, OUTPUTS_FILE, parseOutputs, stdoutLines, type CapturedRun } from '../src/lib/snippets/outputs.ts';
import { capturePython, findPython, interpreterFor, PYTHON_TIMEOUT_MS, runPython } from '../src/lib/snippets/python-run.ts';
import { findTags } from '../src/lib/snippets/mdx-tags.ts';
import { CHEAT_ROWS } from '../src/lib/snippets/cheatsheet.ts';

const python = findPython();
const outputs = parseOutputs(JSON.parse(readFileSync(join(ROOT, OUTPUTS_FILE), 'utf8')));

/** One capture per snippet (stdout and stderr in order, exit code), shared by the tests below. */
const runs = new Map<string, Promise<CapturedRun>>();
const runSnippet = (src: string) => {
  let run = runs.get(src);
  if (!run) runs.set(src, (run = capturePython(src)));
  return run;
};
const errText = (run: CapturedRun) => run.lines.filter((l) => l.stream === 'err').map((l) => l.text).join('\n');

const lines = (text: string) => text.replace(/\s+$/, '').split('\n').map((l) => l.trimEnd());

const pySnippets = listSnippets('.py');
const needing = pySnippets.filter((src) => parseDirectives(readSnippet(src), src).needs.length > 0);
const runnable = pySnippets.filter((src) => !needing.includes(src));
// A snippet that needs a newer Python than this machine has (`# python: 3.12`) is skipped here, saying so.
const missingInterpreter = runnable.flatMap((src) => {
  const python = interpreterFor(src);
  return python.ok ? [] : [python.reason];
});
const runnableHere = runnable.filter((src) => interpreterFor(src).ok);

/** Every Python/TypeScript pair a page shows, and whether it says they print the same. */
interface Pair {
  where: string;
  py: string;
  ts: string;
  stdlib?: string;
  same: boolean;
}

const pairs: Pair[] = [
  ...lessonSources().flatMap(({ file, source }) =>
    findTags(source, 'PyTs', file).map((tag) => ({
      where: `${file}:${tag.line}`,
      py: String(tag.attrs.py),
      ts: String(tag.attrs.ts),
      stdlib: typeof tag.attrs.stdlib === 'string' ? tag.attrs.stdlib : undefined,
      same: tag.attrs.same === true,
    })),
  ),
  ...CHEAT_ROWS.map((row) => ({ where: `cheat sheet #${row.id}`, py: row.py, ts: row.ts, stdlib: row.stdlib, same: row.same })),
];

test('the course has Python snippets and pairs that print the same', () => {
  expect(pySnippets.length).toBeGreaterThan(5);
  expect(pairs.filter((p) => p.same).length).toBeGreaterThan(3);
});

test.skipIf(!python.ok)('the test clock: sleeps take no real time and report the time the page shows', async () => {
  const program = [
    'import asyncio, time',
    't = time.perf_counter()',
    'time.sleep(30)',
    'async def main():',
    '    await asyncio.gather(asyncio.sleep(30), asyncio.sleep(10))',
    '    await asyncio.to_thread(lambda: None)',
    'asyncio.run(main())',
    'print(round(time.perf_counter() - t, 1))',
  ].join('\n');
  const run = await runPython(['-c', program]);
  expect(run.stderr).toBe('');
  // 60 s on the test clock; had it really slept, the test's own timeout would end it long before.
  expect(run.stdout.trim()).toBe('60.0');
});

describe.skipIf(!python.ok)(`every Python snippet runs under python3${python.ok ? '' : ` (skipped: ${python.reason})`}`, () => {
  test.skipIf(missingInterpreter.length === 0)(`not run: ${missingInterpreter.join('; ')}`, () => {});

  test.concurrent.each(runnableHere)('%s', { timeout: 120_000 }, async (src) => {
    const run = await runSnippet(src);
    expect(run.exitCode, `${src} exited with ${run.exitCode}:\n${errText(run)}`).toBe(0);
    expect(stdoutLines(run).join('').trim().length, `${src} prints something`).toBeGreaterThan(0);
  });

  test.concurrent.each(runnableHere)('%s: its page output (content/snippets/outputs.json) is what python3 prints today', { timeout: 120_000 }, async (src) => {
    const fresh = await runSnippet(src);
    const committed = outputs.python[src];
    const stale = `the captured output of ${src} is stale or missing: run \`${CAPTURE_COMMAND}\` and commit ${OUTPUTS_FILE}`;
    expect(committed, stale).toBeDefined();
    expect({ lines: fresh.lines, exitCode: fresh.exitCode }, stale).toEqual({ lines: committed!.lines, exitCode: committed!.exitCode });
  });

  test('the capture holds no Python snippet that no longer exists', () => {
    expect(Object.keys(outputs.python).filter((src) => !runnable.includes(src))).toEqual([]);
  });

  test.concurrent.each(needing)('%s compiles (it needs a package outside the standard library, so it is not run)', async (src) => {
    const run = await runPython(['-c', 'import ast, sys; ast.parse(open(sys.argv[1], encoding="utf-8").read(), sys.argv[1])', join(SNIPPETS_DIR, src)]);
    expect(run.status, run.stderr).toBe(0);
  });
});

describe('pairs shown on a page', () => {
  test.each(pairs)('$where: $py has its files, and a stdlib version if it needs a package', ({ py, ts, stdlib }) => {
    expect(pySnippets).toContain(py);
    expect(listSnippets('.ts')).toContain(ts);
    if (needing.includes(py)) {
      expect(stdlib, `${py} needs a package: the page must show a standard-library version beside it (stdlib=…)`).toBeDefined();
      expect(runnable).toContain(stdlib);
    }
  });

  const same = pairs.filter((p) => p.same && interpreterFor(p.stdlib ?? p.py).ok);
  describe.skipIf(!python.ok)(`print the same in both languages where the page says so${python.ok ? '' : ` (skipped: ${python.reason})`}`, () => {
    test.concurrent.each(same)('$where: $py and $ts', { timeout: 120_000 }, async ({ py, ts, stdlib }) => {
      const pyRun = await runSnippet(stdlib ?? py);
      expect(pyRun.exitCode, errText(pyRun)).toBe(0);
      const tsSource = readSnippet(ts);
      let tsLines: string[];
      if (parseDirectives(tsSource, ts).runsIn === 'node') {
        const node = spawnSync(process.execPath, [join(SNIPPETS_DIR, ts)], { encoding: 'utf8', timeout: PYTHON_TIMEOUT_MS });
        expect(node.status, node.stderr).toBe(0);
        tsLines = lines(node.stdout);
      } else {
        const observation = await observeProgram(tsSource, { routes: readRoutes(ts), budgetMs: 30_000 });
        tsLines = printedLines(observation.scenarios[0]!).map((l) => l.trimEnd());
      }
      expect(stdoutLines(pyRun), `${stdlib ?? py} (python3) against ${ts} (TypeScript)`).toEqual(tsLines);
    });
  });
});
