/**
 * Every Python snippet under content/snippets/ is real Python: it runs under
 * python3 (3.11 or later, standard library only) and exits cleanly. Where a
 * page says a pair prints the same (`<PyTs … same>` in a lesson, `same: true`
 * in the cheat sheet), python3's output is compared with the TypeScript run.
 *
 * Long sleeps are scaled down here, never on the page: python3 starts with a
 * `sitecustomize` (written by this test into a temporary directory) that
 * puts Python on a virtual clock, as the harness does for TypeScript. Sleeps
 * take no real time and printed timings read exactly as the page says.
 *
 * Snippets that declare `# needs: <package>` (aiohttp) are only compiled:
 * they must appear on a page beside a standard-library version (PyTs `stdlib`).
 * Without python3 (or with one older than 3.11) the runs are skipped, saying why.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { observeProgram } from '../src/lib/node/observe-program.ts';
import { parseDirectives } from '../src/lib/snippets/directives.ts';
import { printedLines } from '../src/lib/snippets/answers.ts';
import { lessonSources, listSnippets, readRoutes, readSnippet, SNIPPETS_DIR } from '../src/lib/snippets/files.ts';
import { findTags } from '../src/lib/snippets/mdx-tags.ts';
import { CHEAT_ROWS } from '../src/lib/snippets/cheatsheet.ts';

/** Real seconds a snippet may take. */
const TIMEOUT_MS = 20_000;

/**
 * Gives python3 a virtual clock, as the harness gives TypeScript: time.sleep
 * moves the clock on at once, and when the event loop has nothing to do but
 * wait for a timer it jumps to it. So a 2-second snippet takes milliseconds,
 * its timings are exact ("0.3 s"), and a slow or busy machine can't reorder
 * its events. Computation takes no virtual time (as in the harness, where
 * only blockFor does). While real work is out in a thread or process
 * (run_in_executor, to_thread) the loop waits for real, and that real time
 * counts.
 */
const SITECUSTOMIZE = `
# Written by test/python.test.ts: a virtual clock for course snippets.
import os

if os.environ.get("COURSE_PY_VIRTUAL_CLOCK") == "1":
    import asyncio.base_events
    import selectors
    import time

    # Virtual seconds. Each reading moves the clock on by a nanosecond, so
    # code that polls until a deadline (multiprocessing) still gets there.
    _real = time.monotonic
    _wall0 = time.time()
    _t = [1000.0]  # small numbers keep float error tiny
    _in_flight = [0]  # executor jobs running for real

    def _now():
        _t[0] += 1e-9
        return _t[0]

    time.monotonic = _now
    time.perf_counter = _now
    time.time = lambda: _wall0 + _now() - 1000.0

    def _sleep(secs):
        _t[0] += max(0.0, float(secs))

    time.sleep = _sleep

    class _VirtualSelector(selectors.DefaultSelector):
        def select(self, timeout=None):
            ready = super().select(0)
            if ready or timeout == 0:
                return ready
            if timeout is None or _in_flight[0]:
                # Waiting on real work (a thread, a process): real time passes.
                started = _real()
                ready = super().select(timeout)
                _t[0] += _real() - started
                return ready
            _t[0] += timeout  # nothing to do until the next timer: jump to it
            return []

    selectors.DefaultSelector = _VirtualSelector

    _run_in_executor = asyncio.base_events.BaseEventLoop.run_in_executor

    def run_in_executor(self, executor, func, *args):
        future = _run_in_executor(self, executor, func, *args)
        _in_flight[0] += 1
        future.add_done_callback(lambda _: _in_flight.__setitem__(0, _in_flight[0] - 1))
        return future

    asyncio.base_events.BaseEventLoop.run_in_executor = run_in_executor
`;

function findPython(): { ok: true } | { ok: false; reason: string } {
  const probe = spawnSync('python3', ['-c', 'import sys; print("%d.%d" % sys.version_info[:2])'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) return { ok: false, reason: 'python3 is not installed here, so the Python snippets were not run' };
  const [major, minor] = probe.stdout.trim().split('.').map(Number);
  if (major! < 3 || (major === 3 && minor! < 11)) {
    return { ok: false, reason: `python3 is ${probe.stdout.trim()}; the snippets need 3.11 or later, so they were not run` };
  }
  return { ok: true };
}

const python = findPython();
const siteDir = mkdtempSync(join(tmpdir(), 'course-py-'));
writeFileSync(join(siteDir, 'sitecustomize.py'), SITECUSTOMIZE);

interface PyRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

function runPython(args: string[]): Promise<PyRun> {
  return new Promise((resolve, reject) => {
    const child = spawn('python3', args, {
      cwd: SNIPPETS_DIR,
      env: {
        ...process.env,
        PYTHONPATH: siteDir,
        COURSE_PY_VIRTUAL_CLOCK: '1',
        PYTHONDONTWRITEBYTECODE: '1',
        PYTHONIOENCODING: 'utf-8',
        PYTHONUTF8: '1',
      },
      timeout: TIMEOUT_MS,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

const runs = new Map<string, Promise<PyRun>>();
const runSnippet = (src: string) => {
  let run = runs.get(src);
  if (!run) runs.set(src, (run = runPython([join(SNIPPETS_DIR, src)])));
  return run;
};

const lines = (text: string) => text.replace(/\s+$/, '').split('\n').map((l) => l.trimEnd());

const pySnippets = listSnippets('.py');
const needing = pySnippets.filter((src) => parseDirectives(readSnippet(src), src).needs.length > 0);
const runnable = pySnippets.filter((src) => !needing.includes(src));

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
  const started = Date.now();
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
  expect(run.stdout.trim()).toBe('60.0');
  expect(Date.now() - started, 'a minute of sleeping takes a few seconds at most').toBeLessThan(20_000);
});

describe.skipIf(!python.ok)(`every Python snippet runs under python3${python.ok ? '' : ` (skipped: ${python.reason})`}`, () => {
  test.concurrent.each(runnable)('%s', { timeout: 60_000 }, async (src) => {
    const run = await runSnippet(src);
    expect(run.status, `${src} exited with ${run.status}:\n${run.stderr}`).toBe(0);
    expect(run.stdout.trim().length, `${src} prints something`).toBeGreaterThan(0);
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

  const same = pairs.filter((p) => p.same);
  describe.skipIf(!python.ok)(`print the same in both languages where the page says so${python.ok ? '' : ` (skipped: ${python.reason})`}`, () => {
    test.concurrent.each(same)('$where: $py and $ts', { timeout: 60_000 }, async ({ py, ts, stdlib }) => {
      const pyRun = await runSnippet(stdlib ?? py);
      expect(pyRun.status, pyRun.stderr).toBe(0);
      const tsSource = readSnippet(ts);
      let tsLines: string[];
      if (parseDirectives(tsSource, ts).runsIn === 'node') {
        const node = spawnSync(process.execPath, [join(SNIPPETS_DIR, ts)], { encoding: 'utf8', timeout: TIMEOUT_MS });
        expect(node.status, node.stderr).toBe(0);
        tsLines = lines(node.stdout);
      } else {
        const observation = await observeProgram(tsSource, { routes: readRoutes(ts), budgetMs: 30_000 });
        tsLines = printedLines(observation.scenarios[0]!).map((l) => l.trimEnd());
      }
      expect(lines(pyRun.stdout), `${stdlib ?? py} (python3) against ${ts} (TypeScript)`).toEqual(tsLines);
    });
  });
});
