/**
 * Runs course snippets under python3 on a virtual clock (Node only). Shared
 * by test/python.test.ts, which proves every Python snippet runs, and by
 * scripts/capture-snippets.ts, which captures their output for the pages.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDirectives } from './directives.ts';
import { readSnippet, SNIPPETS_DIR } from './files.ts';
import { parseTaggedOutput, type CapturedRun } from './outputs.ts';

/** Real milliseconds a snippet may take: generous, as process-pool snippets do real work on a shared machine. */
export const PYTHON_TIMEOUT_MS = 90_000;

/**
 * Gives python3 a virtual clock, as the harness gives TypeScript: time.sleep
 * moves the clock on at once, and when the event loop has nothing to do but
 * wait for a timer it jumps to it. So a 2-second snippet takes milliseconds,
 * its timings are exact ("0.3 s"), and a slow or busy machine can't reorder
 * its events. Computation takes no virtual time (as in the harness, where
 * only blockFor does). While real work is out in a thread or process
 * (run_in_executor, to_thread) the loop waits for real, and that real time
 * counts.
 *
 * With COURSE_PY_TAG_STDERR=1 (captures), stderr shares stdout's pipe with
 * each of its lines tagged, and the virtual time at exit is reported last.
 */
const SITECUSTOMIZE = `
# Written by src/lib/snippets/python-run.ts: a virtual clock for course snippets.
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

    if os.environ.get("COURSE_PY_TAG_STDERR") == "1":
        # One pipe for both streams, so lines keep the order they were
        # printed in; each line of stderr starts with a tag.
        import atexit
        import sys

        class _Tagged:
            def __init__(self, target):
                self._target = target
                self._line_start = True

            def write(self, text):
                out = []
                for piece in text.splitlines(keepends=True):
                    if self._line_start:
                        out.append("\u241e")
                    out.append(piece)
                    self._line_start = piece.endswith("\\n")
                self._target.write("".join(out))
                self._target.flush()
                return len(text)

            def flush(self):
                self._target.flush()

            def __getattr__(self, name):
                return getattr(self._target, name)

        sys.stderr = _Tagged(sys.stdout)

        def _report_elapsed():
            sys.stdout.flush()
            sys.__stdout__.write("\\n\u241fELAPSED %d\\n" % round((_t[0] - 1000.0) * 1000))
            sys.__stdout__.flush()

        atexit.register(_report_elapsed)
`;

type PythonCheck = { ok: true; version: string } | { ok: false; reason: string };

/** Whether python3 (3.11 or later) is here to run the snippets, and if not, why. */
export function findPython(): PythonCheck {
  const probe = spawnSync('python3', ['-c', 'import sys; print("%d.%d" % sys.version_info[:2])'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) return { ok: false, reason: 'python3 is not installed here, so the Python snippets were not run' };
  const version = probe.stdout.trim();
  const [major, minor] = version.split('.').map(Number);
  if (major! < 3 || (major === 3 && minor! < 11)) {
    return { ok: false, reason: `python3 is ${version}; the snippets need 3.11 or later, so they were not run` };
  }
  return { ok: true, version };
}

const interpreters = new Map<string, string | undefined>();

/**
 * A python3 of at least `version` ("3.12"), for the few snippets that need
 * one newer than the course's baseline: `python3` itself if it is new
 * enough, else `python3.12` on the PATH, else a pyenv install. Undefined if
 * there is none.
 */
export function pythonAtLeast(version: string): string | undefined {
  if (interpreters.has(version)) return interpreters.get(version);
  const [wantMajor, wantMinor] = version.split('.').map(Number) as [number, number];
  const fits = (command: string) => {
    const probe = spawnSync(command, ['-c', 'import sys; print("%d.%d" % sys.version_info[:2])'], { encoding: 'utf8' });
    if (probe.error || probe.status !== 0) return false;
    const [major, minor] = probe.stdout.trim().split('.').map(Number) as [number, number];
    return major > wantMajor || (major === wantMajor && minor >= wantMinor);
  };
  const pyenv = join(process.env.PYENV_ROOT ?? join(homedir(), '.pyenv'), 'versions');
  const installed = existsSync(pyenv)
    ? readdirSync(pyenv)
        .filter((v) => v.startsWith(`${version}.`) || v === version)
        .map((v) => join(pyenv, v, 'bin', `python${version}`))
    : [];
  const found = ['python3', `python${version}`, ...installed].find(fits);
  interpreters.set(version, found);
  return found;
}

/** The interpreter a snippet runs with: python3, or a newer one if its `# python:` directive asks. */
export function interpreterFor(src: string): { ok: true; command: string } | { ok: false; reason: string } {
  const wanted = parseDirectives(readSnippet(src), src).python;
  if (!wanted) return { ok: true, command: 'python3' };
  const command = pythonAtLeast(wanted);
  return command ? { ok: true, command } : { ok: false, reason: `${src} needs Python ${wanted} or later, and none was found (python3, python${wanted}, pyenv)` };
}

let siteDir: string | undefined;
function sitecustomizeDir(): string {
  if (!siteDir) {
    siteDir = mkdtempSync(join(tmpdir(), 'course-py-'));
    writeFileSync(join(siteDir, 'sitecustomize.py'), SITECUSTOMIZE);
  }
  return siteDir;
}

interface PyRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** python3 with `args`, on the virtual clock, from the snippets folder. */
export function runPython(args: string[], options: { tagStderr?: boolean; command?: string } = {}): Promise<PyRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(options.command ?? 'python3', options.tagStderr ? ['-u', ...args] : args, {
      cwd: SNIPPETS_DIR,
      env: {
        ...process.env,
        PYTHONPATH: sitecustomizeDir(),
        COURSE_PY_VIRTUAL_CLOCK: '1',
        COURSE_PY_TAG_STDERR: options.tagStderr ? '1' : '0',
        PYTHONDONTWRITEBYTECODE: '1',
        PYTHONIOENCODING: 'utf-8',
        PYTHONUTF8: '1',
      },
      timeout: PYTHON_TIMEOUT_MS,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

const ELAPSED = /\n?\u241fELAPSED (\d+)\n?$/;

/** A Python snippet's run as the page shows it: both streams in order, the exit code, the virtual time. */
export async function capturePython(src: string): Promise<CapturedRun> {
  const python = interpreterFor(src);
  if (!python.ok) throw new Error(python.reason);
  const run = await runPython([join(SNIPPETS_DIR, src)], { tagStderr: true, command: python.command });
  const elapsed = ELAPSED.exec(run.stdout);
  const merged = elapsed ? run.stdout.slice(0, elapsed.index) : run.stdout;
  // Anything on the real stderr came before our tagging took over (a crash at start-up).
  const early = run.stderr.trim() ? parseTaggedOutput(run.stderr.replace(/^/gm, '\u241e'), SNIPPETS_DIR) : [];
  return {
    lines: [...early, ...parseTaggedOutput(merged, SNIPPETS_DIR)],
    exitCode: run.status ?? -1,
    ...(elapsed ? { elapsedMs: Number(elapsed[1]) } : {}),
  };
}
