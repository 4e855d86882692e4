/**
 * The Python harness (src/lib/python/harness/) under CPython, through its
 * TypeScript adapter: asyncio on the virtual clock, the course helpers, the
 * Observation it records, and hostile code.
 *
 * The virtual loop is a real asyncio loop with a virtual clock, so the last
 * block runs small programs both ways (plain python3 on the real clock, and
 * the harness) and compares what they print: the loop must not change
 * asyncio's semantics, only its clock.
 *
 * Without python3 3.11+ these are skipped, saying why.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Observation, ScenarioObservation, Span } from '../src/lib/harness/observation.ts';
import { findPython, observePythonCPython, observePythonProgram } from '../src/lib/python/cpython.ts';
import { pythonAtLeast } from '../src/lib/snippets/python-run.ts';
import { parseHarnessLine } from '../src/lib/python/observe-core.ts';
import { PyodideNodeRunner } from '../src/lib/python/pyodide-node.ts';
import { observeProgram } from '../src/lib/node/observe-program.ts';
import { parseDirectives } from '../src/lib/snippets/directives.ts';
import { printedLines } from '../src/lib/snippets/answers.ts';
import { lessonSources, listSnippets, readRoutes, readSnippet } from '../src/lib/snippets/files.ts';
import { findTags } from '../src/lib/snippets/mdx-tags.ts';
import { CHEAT_ROWS } from '../src/lib/snippets/cheatsheet.ts';

const python = findPython();
/** Generous real-time budgets: the machine running the tests may be busy (no assertion is about real time). */
const BUDGET_MS = 30_000;
const runProgram = (source: string, options: Parameters<typeof observePythonProgram>[1] = {}) =>
  observePythonProgram(source, { budgetMs: BUDGET_MS, ...options });
const runRequest = (request: Parameters<typeof observePythonCPython>[0], options: Parameters<typeof observePythonCPython>[1] = {}) =>
  observePythonCPython(request, { budgetMs: BUDGET_MS, ...options });
const T = { timeout: 60_000 };

const program = (...lines: string[]) => lines.join('\n') + '\n';
const only = (o: Observation): ScenarioObservation => {
  expect(o.scenarios).toHaveLength(1);
  return o.scenarios[0]!;
};
const printed = (s: ScenarioObservation) => s.logs.filter((l) => l.stream === 'log').map((l) => l.text);
const at = (s: ScenarioObservation) => s.logs.filter((l) => l.stream === 'log').map((l) => [l.t, l.text]);
const stderrText = (s: ScenarioObservation) => s.logs.filter((l) => l.stream === 'error').map((l) => l.text).join('\n');

/** Most spans of `kind` open at one instant (a span ending when another starts does not overlap it). */
function maxConcurrent(spans: Span[]): number {
  const events = spans.flatMap((s) => [
    { t: s.start, seq: s.startSeq, d: 1 },
    { t: s.end ?? Infinity, seq: s.endSeq ?? Infinity, d: -1 },
  ]);
  events.sort((a, b) => a.t - b.t || a.seq - b.seq);
  let now = 0;
  let most = 0;
  for (const e of events) most = Math.max(most, (now += e.d));
  return most;
}

describe('harness output stream (pure)', () => {
  test('only lines carrying the nonce are the harness speaking', () => {
    const line = JSON.stringify({ t: 5, stream: 'log', text: 'hi', phase: 'sync', seq: 1 });
    expect(parseHarnessLine(`abc line ${line}`, 'abc')).toEqual({ type: 'line', line: JSON.parse(line) });
    expect(parseHarnessLine(`xyz line ${line}`, 'abc')).toBeUndefined();
    expect(parseHarnessLine(`abc line {not json`, 'abc')).toBeUndefined();
    expect(parseHarnessLine(`abc line ${JSON.stringify({ t: -1, text: 3 })}`, 'abc'), 'a malformed line is dropped').toBeUndefined();
    expect(parseHarnessLine('abc observation {"internalError": "boom"}', 'abc')).toEqual({ type: 'internal', message: 'boom' });
  });
});

describe.skipIf(!python.ok)(`asyncio on the virtual clock${python.ok ? '' : ` (skipped: ${python.reason})`}`, () => {
  test('a gather of three sleeps takes about 1 s of virtual time, not 3 s, and prints in order of waking', T, async () => {
    const s = only(
      await runProgram(
        program(
          'import asyncio, time',
          'async def step(name, seconds):',
          '    print(f"{name} starts")',
          '    await asyncio.sleep(seconds)',
          '    print(f"{name} done at {time.perf_counter():.1f} s")',
          '    return name',
          'async def main():',
          '    started = time.monotonic()',
          '    names = await asyncio.gather(step("a", 1), step("b", 0.5), step("c", 0.25))',
          '    print(names, f"in {time.monotonic() - started:.1f} s")',
          'asyncio.run(main())',
        ),
      ),
    );
    expect(s.errors).toEqual([]);
    expect(at(s)).toEqual([
      [0, 'a starts'],
      [0, 'b starts'],
      [0, 'c starts'],
      [250, 'c done at 0.2 s'],
      [500, 'b done at 0.5 s'],
      [1000, 'a done at 1.0 s'],
      [1000, "['a', 'b', 'c'] in 1.0 s"],
    ]);
    expect(s.spans.map((span) => [span.label, span.kind, span.start, span.end, span.outcome])).toEqual([
      ['asyncio.sleep(1)', 'timer', 0, 1000, 'ok'],
      ['asyncio.sleep(0.5)', 'timer', 0, 500, 'ok'],
      ['asyncio.sleep(0.25)', 'timer', 0, 250, 'ok'],
    ]);
    expect(s.settled).toMatchObject({ state: 'fulfilled', at: 1000 });
    expect(s.totalTime).toBe(1000);
    expect(s.logs.map((l) => l.phase)).toEqual(['microtask', 'microtask', 'microtask', 'timer', 'timer', 'timer', 'timer']);
  });

  test('time.sleep is charged as blocking: the clock moves on and nothing else runs meanwhile', T, async () => {
    const s = only(
      await runProgram(
        program(
          'import asyncio, time',
          'async def tick():',
          '    for n in range(3):',
          '        print(f"tick {n} at {time.monotonic():.1f}")',
          '        await asyncio.sleep(0.1)',
          'async def main():',
          '    ticker = asyncio.create_task(tick())',
          '    await asyncio.sleep(0)',
          '    time.sleep(1)',
          '    print(f"blocking call done at {time.time() - 1767225600:.1f}")',
          '    await ticker',
          'asyncio.run(main())',
        ),
      ),
    );
    expect(printed(s)).toEqual(['tick 0 at 0.0', 'blocking call done at 1.0', 'tick 1 at 1.0', 'tick 2 at 1.1']);
    const cpu = s.spans.filter((span) => span.kind === 'cpu');
    expect(cpu.map((span) => [span.label, span.start, span.end])).toEqual([['time.sleep(1.0)', 0, 1000]]);
    // The first tick's sleep was due at 0.1 s but could only end after the block.
    expect(s.spans.find((span) => span.label === 'asyncio.sleep(0.1)')).toMatchObject({ start: 0, end: 1000 });
  });

  test('create_task: tasks start in creation order, once main yields', T, async () => {
    const s = only(
      await runProgram(
        program(
          'import asyncio',
          'async def job(name):',
          '    print(f"{name} starts")',
          '    await asyncio.sleep(0.1)',
          '    print(f"{name} ends")',
          'async def main():',
          '    tasks = [asyncio.create_task(job(n)) for n in ("one", "two", "three")]',
          '    print("tasks created")',
          '    for t in tasks:',
          '        await t',
          'asyncio.run(main())',
        ),
      ),
    );
    expect(printed(s)).toEqual(['tasks created', 'one starts', 'two starts', 'three starts', 'one ends', 'two ends', 'three ends']);
    expect(s.totalTime).toBe(100);
  });

  test('TaskGroup: one failure cancels its siblings and surfaces as an ExceptionGroup', T, async () => {
    const s = only(
      await runProgram(
        program(
          'import asyncio',
          'async def work(name, seconds, fail=False):',
          '    try:',
          '        await asyncio.sleep(seconds)',
          '    except asyncio.CancelledError:',
          '        print(f"{name} cancelled")',
          '        raise',
          '    if fail:',
          '        raise ValueError(f"{name} failed")',
          '    print(f"{name} done")',
          'async def main():',
          '    try:',
          '        async with asyncio.TaskGroup() as group:',
          '            group.create_task(work("a", 0.1))',
          '            group.create_task(work("b", 0.2, fail=True))',
          '            group.create_task(work("c", 0.3))',
          '    except* ValueError as errors:',
          '        print("group failed:", [str(e) for e in errors.exceptions])',
          'asyncio.run(main())',
        ),
      ),
    );
    expect(at(s)).toEqual([
      [100, 'a done'],
      [200, 'c cancelled'],
      [200, "group failed: ['b failed']"],
    ]);
    expect(s.spans.find((span) => span.label === 'asyncio.sleep(0.3)')).toMatchObject({ end: 200, outcome: 'aborted' });
  });

  test('Semaphore(2) keeps at most two operations in flight', T, async () => {
    const s = only(
      await runRequest({
        source: program(
          'import asyncio',
          'from course import download',
          'limit = asyncio.Semaphore(2)',
          'async def one(n):',
          '    async with limit:',
          '        return await download()',
          'async def main():',
          '    print(await asyncio.gather(*(one(n) for n in range(5))))',
          'asyncio.run(main())',
        ),
        helpers: { operations: { download: { label: 'download()', ms: 300, value: 'bytes' } } },
      }),
    );
    const ops = s.spans.filter((span) => span.kind === 'op');
    expect(ops).toHaveLength(5);
    expect(maxConcurrent(ops)).toBe(2);
    expect(s.totalTime).toBe(900); // 5 downloads, two at a time: 3 rounds of 300 ms
    expect(printed(s)).toEqual([`['bytes', 'bytes', 'bytes', 'bytes', 'bytes']`]);
  });

  test('Lock: one holder at a time', T, async () => {
    const s = only(
      await runProgram(
        program(
          'import asyncio',
          'lock = asyncio.Lock()',
          'async def use(name):',
          '    async with lock:',
          '        print(f"{name} has the lock at {asyncio.get_running_loop().time():.1f}")',
          '        await asyncio.sleep(0.2)',
          'async def main():',
          '    await asyncio.gather(use("x"), use("y"), use("z"))',
          'asyncio.run(main())',
        ),
      ),
    );
    expect(printed(s)).toEqual(['x has the lock at 0.0', 'y has the lock at 0.2', 'z has the lock at 0.4']);
  });

  test('wait_for times out, the inner sleep is cancelled, and cancel() reaches a task', T, async () => {
    const s = only(
      await runProgram(
        program(
          'import asyncio',
          'async def slow():',
          '    try:',
          '        await asyncio.sleep(2)',
          '    finally:',
          '        print("slow cleans up")',
          'async def main():',
          '    try:',
          '        await asyncio.wait_for(slow(), timeout=0.5)',
          '    except TimeoutError:',
          '        print(f"timed out at {asyncio.get_running_loop().time()}")',
          '    task = asyncio.create_task(asyncio.sleep(10))',
          '    await asyncio.sleep(0.1)',
          '    task.cancel()',
          '    try:',
          '        await task',
          '    except asyncio.CancelledError:',
          '        print("cancelled:", task.cancelled())',
          '    async with asyncio.timeout(0.3) as deadline:',
          '        await asyncio.sleep(0.1)',
          '    print("inside the deadline:", deadline.expired())',
          'asyncio.run(main())',
        ),
      ),
    );
    expect(s.errors).toEqual([]);
    expect(at(s)).toEqual([
      [500, 'slow cleans up'],
      [500, 'timed out at 0.5'],
      [600, 'cancelled: True'],
      [700, 'inside the deadline: False'],
    ]);
    expect(s.spans.map((span) => [span.label, span.end, span.outcome])).toEqual([
      ['asyncio.sleep(2)', 500, 'aborted'],
      // main's sleep starts first: the task only runs once main yields.
      ['asyncio.sleep(0.1)', 600, 'ok'],
      ['asyncio.sleep(10)', 600, 'aborted'],
      ['asyncio.sleep(0.1)', 700, 'ok'],
    ]);
  });

  test('a task exception never retrieved is logged on stderr, traceback trimmed to the learner file', T, async () => {
    const s = only(
      await runProgram(
        program(
          'import asyncio',
          'async def risky():',
          '    await asyncio.sleep(0.1)',
          '    raise ValueError("nobody is listening")',
          'async def main():',
          '    asyncio.create_task(risky())',
          '    await asyncio.sleep(0.2)',
          '    print("main finished")',
          'asyncio.run(main())',
        ),
      ),
    );
    expect(printed(s)).toEqual(['main finished']);
    const err = stderrText(s);
    expect(err).toContain('Task exception was never retrieved');
    expect(err).toContain('File "main.py", line 4, in risky');
    expect(err).toContain('ValueError: nobody is listening');
    expect(err, 'no frames from asyncio itself: they differ between CPython and Pyodide').not.toMatch(/asyncio[/\\]/);
    expect(s.errors).toEqual([]);
  });

  test('an uncaught error reports its line, with the traceback trimmed to the learner file', T, async () => {
    const s = only(
      await runProgram(
        program('import asyncio', 'async def main():', '    await asyncio.sleep(0.1)', '    {}["missing"]', 'asyncio.run(main())'),
      ),
    );
    expect(s.errors).toEqual([expect.objectContaining({ kind: 'uncaught', name: 'KeyError', line: 4, t: 100 })]);
    expect(s.settled).toMatchObject({ state: 'rejected', error: { name: 'KeyError', line: 4 } });
    const err = stderrText(s);
    expect(err).toContain('File "main.py", line 5, in <module>');
    expect(err).toContain('File "main.py", line 4, in main');
    expect(err).not.toContain('runners.py');
  });

  test('floating work: what is still pending when main returns', T, async () => {
    const s = only(
      await runProgram(
        program(
          'import asyncio',
          'async def main():',
          '    asyncio.create_task(asyncio.sleep(5))',
          '    await asyncio.sleep(0.1)',
          '    print("main returns")',
          'asyncio.run(main())',
        ),
      ),
    );
    expect(s.pendingAtSettle).toEqual([expect.objectContaining({ label: 'asyncio.sleep(5)', kind: 'timer' })]);
    // asyncio.run cancels it on the way out, as CPython does.
    expect(s.spans.find((span) => span.label === 'asyncio.sleep(5)')).toMatchObject({ outcome: 'aborted', end: 100 });
  });

  test('an exercise entry: the module is imported, its function called, its value recorded', T, async () => {
    const s = only(
      await runRequest({
        scenario: 'breakfast',
        params: { coffee: 1000, toast: 600, eggs: 300 },
        entry: { function: 'make_breakfast' },
        helpers: { record: { values: ['c', 't', 'e'] } },
        source: program(
          'import asyncio',
          'from course import brew_coffee, toast_bread, fry_eggs',
          'async def make_breakfast():',
          '    return list(await asyncio.gather(brew_coffee(), toast_bread(), fry_eggs()))',
          'if __name__ == "__main__":',
          '    print("not run: the file is imported, not run as a script")',
        ),
      }),
    );
    expect(s.scenario).toBe('breakfast');
    expect(s.params).toEqual({ coffee: 1000, toast: 600, eggs: 300 });
    expect(s.record).toEqual({ values: ['c', 't', 'e'] });
    expect(s.logs).toEqual([]);
    expect(s.settled).toEqual({ state: 'fulfilled', at: 1000, seq: expect.any(Number), value: ['coffee is ready', 'toast is ready', 'eggs are ready'] });
    expect(s.spans.map((span) => [span.label, span.kind, span.start, span.end])).toEqual([
      ['brew_coffee()', 'op', 0, 1000],
      ['toast_bread()', 'op', 0, 600],
      ['fry_eggs()', 'op', 0, 300],
    ]);
  });

  test('an exercise entry: floating work is what is open when the entry finishes, not the module body', T, async () => {
    const s = only(
      await runRequest({
        entry: { function: 'main' },
        source: program(
          'import asyncio',
          'async def warm_up():',
          '    asyncio.create_task(asyncio.sleep(9))  # left behind on import; asyncio.run cancels it',
          '    await asyncio.sleep(0)',
          'asyncio.run(warm_up())',
          'async def main():',
          '    asyncio.create_task(asyncio.sleep(5))',
          '    await asyncio.sleep(0.1)',
        ),
      }),
    );
    expect(s.pendingAtSettle.map((p) => p.label)).toEqual(['asyncio.sleep(5)']);
    expect(s.settled).toMatchObject({ state: 'fulfilled', at: 100 });
  });

  test('a coroutine never awaited starts nothing, and CPython warns about it', T, async () => {
    const s = only(
      await runRequest({
        entry: { function: 'make_breakfast' },
        source: program('from course import brew_coffee', 'async def make_breakfast():', '    coffee = brew_coffee()', '    return coffee'),
      }),
    );
    expect(s.spans).toEqual([]);
    expect(s.settled).toMatchObject({ state: 'fulfilled', value: expect.stringContaining('not awaited') });
    expect(stderrText(s)).toContain("RuntimeWarning: coroutine 'brew_coffee' was never awaited");
  });

  test('the aiohttp-shaped session answers from the routes and raises for an HTTP error', T, async () => {
    const s = only(
      await runProgram(
        program(
          'import asyncio, aiohttp',
          'async def get(session, url):',
          '    async with session.get(url) as response:',
          '        response.raise_for_status()',
          '        return await response.text()',
          'async def main():',
          '    async with aiohttp.ClientSession() as session:',
          '        print(await get(session, "https://x.example/a"))',
          '        try:',
          '            await get(session, "https://x.example/b")',
          '        except aiohttp.ClientResponseError as error:',
          '            print("status", error.status)',
          '        try:',
          '            await get(session, "https://elsewhere.example/")',
          '        except aiohttp.ClientError as error:',
          '            print(type(error).__name__)',
          'asyncio.run(main())',
        ),
        {
          routes: {
            'https://x.example/a': { status: 200, body: 'hello', latency: 300 },
            'https://x.example/b': { status: 404, body: 'no', latency: 100 },
          },
        },
      ),
    );
    expect(at(s)).toEqual([
      [300, 'hello'],
      [400, 'status 404'],
      [400, 'ClientConnectionError'],
    ]);
    expect(s.spans.map((span) => [span.kind, span.label, span.detail, span.start, span.end])).toEqual([
      ['fetch', 'https://x.example/a', '200 https://x.example/a', 0, 300],
      ['fetch', 'https://x.example/b', '404 https://x.example/b', 300, 400],
    ]);
  });

  test('output is capped at 1000 lines, saying how many were dropped', T, async () => {
    const s = only(await runProgram(program('for i in range(1500):', '    print(i)', 'print("x" * 20000)')));
    expect(s.logs).toHaveLength(1000);
    expect(s.droppedLines).toBe(501);
    expect(s.outputTruncated).toBe(true);
    const long = only(await runProgram(program('print("x" * 20000)')));
    expect(long.logs[0]!.text).toMatch(/^x{10000}… \(10,000 more characters not shown\)$/);
  });

  test('main waiting on something that never happens stops at once, saying so', T, async () => {
    const s = only(
      await runProgram(program('import asyncio', 'async def main():', '    await asyncio.Event().wait()', 'asyncio.run(main())')),
    );
    expect(s.errors).toEqual([expect.objectContaining({ kind: 'virtual-limit', message: expect.stringContaining('never happens') })]);
    expect(s.settled).toEqual({ state: 'pending' });
  });

  test('work in a thread runs for real, and the loop waits for it (no false "never happens")', T, async () => {
    const s = only(
      await runProgram(
        program(
          'import asyncio, time',
          'def work():',
          '    time.sleep(0.05)  # in a worker thread: real, and not blocking the loop',
          '    return 42',
          'async def main():',
          '    print(await asyncio.to_thread(work))',
          '    await asyncio.sleep(1)',
          '    print("done")',
          'asyncio.run(main())',
        ),
      ),
    );
    expect(s.errors).toEqual([]);
    expect(printed(s)).toEqual(['42', 'done']);
    const sleep = s.spans.find((span) => span.label === 'asyncio.sleep(1)')!;
    expect(sleep.end! - sleep.start, 'after the thread, sleeps are virtual again').toBeCloseTo(1000, 2);
    expect(s.spans.filter((span) => span.kind === 'cpu'), 'a worker thread sleeping is not blocking').toEqual([]);
  });

  test('a timer loop that never ends stops at the simulated time limit', T, async () => {
    const s = only(
      await runProgram(program('import asyncio', 'async def main():', '    while True:', '        await asyncio.sleep(1)', 'asyncio.run(main())')),
    );
    expect(s.errors).toEqual([expect.objectContaining({ kind: 'virtual-limit', message: expect.stringContaining('120 s') })]);
  });
});

describe.skipIf(!python.ok)(`bad input${python.ok ? '' : ` (skipped: ${python.reason})`}`, () => {
  test('a SyntaxError is reported with its line, and nothing runs', T, async () => {
    const o = await runProgram(program('print("before")', 'async def main(:', '    pass'));
    expect(o.compileError).toMatchObject({ kind: 'syntax', name: 'SyntaxError', line: 2 });
    expect(o.scenarios[0]!.logs).toEqual([]);
  });

  test('an endless loop is killed at the budget; what it printed first is kept', T, async () => {
    const o = await runProgram(program('print("about to spin")', 'while True:', '    pass'), { budgetMs: 1000 });
    const s = only(o);
    expect(s.errors).toEqual([expect.objectContaining({ kind: 'budget' })]);
    expect(printed(s)).toEqual(['about to spin']);
  });

  test('os.system, subprocess, open for writing and sockets are refused, and recorded', T, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'py-sandbox-'));
    const marker = join(dir, 'marker');
    const s = only(
      await runProgram(
        program(
          'import os, socket, subprocess',
          'attempts = {',
          `    "system": lambda: os.system("touch ${marker}"),`,
          `    "popen": lambda: subprocess.run(["touch", "${marker}"]),`,
          `    "open": lambda: open("${marker}", "w"),`,
          '    "socket": lambda: socket.create_connection(("127.0.0.1", 9)),',
          '    "js": lambda: __import__("js"),',
          '}',
          'for name, attempt in attempts.items():',
          '    try:',
          '        attempt()',
          '        print(name, "went through")',
          '    except Exception as error:',
          '        print(name, "refused:", type(error).__name__)',
        ),
      ),
    );
    expect(printed(s)).toEqual([
      'system refused: SandboxRefused',
      'popen refused: SandboxRefused',
      'open refused: SandboxRefused',
      'socket refused: SandboxRefused',
      'js refused: SandboxRefused',
    ]);
    expect(existsSync(marker)).toBe(false);
    expect(s.errors.map((e) => e.kind)).toEqual(['sandbox', 'sandbox', 'sandbox', 'sandbox', 'sandbox']);
  });

  test('input() meets the end of input instead of waiting', T, async () => {
    const s = only(await runProgram(program('try:', '    input("name? ")', 'except EOFError:', '    print("no input here")')));
    expect(printed(s)).toEqual(['name? no input here']);
  });

  test('learner code cannot import the harness', T, async () => {
    const s = only(await runProgram(program('import course_harness')));
    expect(s.errors.map((e) => e.kind)).toContain('sandbox');
  });
});

/** Plain python3, real clock: the reference the virtual loop must agree with. */
function realPython(source: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn('python3', ['-I', '-B', '-c', source]);
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.on('error', reject);
    child.on('close', () => resolve(out.replace(/\n$/, '').split('\n')));
  });
}

/** Each prints no timings, so the real run and the virtual one must print the same. Delays are 0.1 s apart or more, so a busy machine can't reorder the real run. */
const SAME_AS_CPYTHON: Array<[string, string]> = [
  [
    'gather with return_exceptions and as_completed',
    program(
      'import asyncio',
      'async def f(n):',
      '    await asyncio.sleep(n / 10)',
      '    if n == 2: raise ValueError(n)',
      '    return n',
      'async def main():',
      '    print(await asyncio.gather(f(3), f(2), f(1), return_exceptions=True))',
      '    for next_done in asyncio.as_completed([f(3), f(1), f(4)]):',
      '        print(await next_done)',
      'asyncio.run(main())',
    ),
  ],
  [
    'Queue with workers, Event',
    program(
      'import asyncio',
      'async def worker(name, q, log):',
      '    while True:',
      '        item = await q.get()',
      '        await asyncio.sleep(item / 10)',
      '        log.append((name, item))',
      '        q.task_done()',
      'async def main():',
      '    q, log = asyncio.Queue(), []',
      '    for i in (3, 1, 2, 1): q.put_nowait(i)',
      '    ws = [asyncio.create_task(worker(n, q, log)) for n in "ab"]',
      '    await q.join()',
      '    for w in ws: w.cancel()',
      '    print(log)',
      '    ev = asyncio.Event()',
      '    async def waiter(): await ev.wait(); print("released")',
      '    t = asyncio.create_task(waiter()); await asyncio.sleep(0.1); ev.set(); await t',
      'asyncio.run(main())',
    ),
  ],
  [
    'timeout, shield, cancel with a message, wait FIRST_COMPLETED',
    program(
      'import asyncio',
      'async def main():',
      '    inner = asyncio.create_task(asyncio.sleep(0.3, "inner done"))',
      '    try:',
      '        await asyncio.wait_for(asyncio.shield(inner), 0.1)',
      '    except TimeoutError:',
      '        print("timed out; shielded task cancelled?", inner.cancelled())',
      '    print(await inner)',
      '    t = asyncio.create_task(asyncio.sleep(1))',
      '    await asyncio.sleep(0)',
      '    t.cancel("stop now")',
      '    try: await t',
      '    except asyncio.CancelledError as e: print("cancelled with", e.args)',
      '    a = asyncio.create_task(asyncio.sleep(0.1, "a")); b = asyncio.create_task(asyncio.sleep(0.2, "b"))',
      '    done, pending = await asyncio.wait({a, b}, return_when=asyncio.FIRST_COMPLETED)',
      '    print([d.result() for d in done], len(pending))',
      '    b.cancel()',
      'asyncio.run(main())',
    ),
  ],
  [
    'TaskGroup with two failures, Semaphore order, Condition',
    program(
      'import asyncio',
      'async def boom(n):',
      '    await asyncio.sleep(0.1)',
      '    raise RuntimeError(f"boom {n}")',
      'async def main():',
      '    try:',
      '        async with asyncio.TaskGroup() as g:',
      '            g.create_task(boom(1)); g.create_task(boom(2))',
      '    except* RuntimeError as eg:',
      '        print(sorted(str(e) for e in eg.exceptions))',
      '    sem, order = asyncio.Semaphore(1), []',
      '    async def use(i):',
      '        async with sem:',
      '            order.append(i); await asyncio.sleep(0.1)',
      '    await asyncio.gather(*(use(i) for i in range(4)))',
      '    print(order)',
      '    cond, box = asyncio.Condition(), []',
      '    async def consumer():',
      '        async with cond:',
      '            await cond.wait_for(lambda: box)',
      '            print("got", box.pop())',
      '    c = asyncio.create_task(consumer())',
      '    await asyncio.sleep(0.1)',
      '    async with cond:',
      '        box.append(42); cond.notify()',
      '    await c',
      'asyncio.run(main())',
    ),
  ],
];

describe.skipIf(!python.ok)(`the virtual loop agrees with CPython's own loop${python.ok ? '' : ` (skipped: ${python.reason})`}`, () => {
  test.concurrent.each(SAME_AS_CPYTHON)('%s', T, async (_name, source) => {
    const [real, virtual] = await Promise.all([realPython(source), runProgram(source)]);
    const s = only(virtual);
    expect(s.errors).toEqual([]);
    expect(printed(s)).toEqual(real);
  });
});

// ── the course's own snippets, through the harness ─────────────────────────

/** Snippets that start processes (ProcessPoolExecutor): the course's own code, so run with the sandbox off. */
const usesProcesses = (source: string) => /ProcessPoolExecutor|multiprocessing/.test(source);
/**
 * The harness runs on this machine's python3. A snippet that needs a newer
 * Python (`# python: 3.12`, e.g. eager_task_factory) than that is left to
 * test/python.test.ts, which finds a newer interpreter or says why it skips.
 */
const runsOnPython3 = (src: string) => {
  const wanted = parseDirectives(readSnippet(src), src).python;
  return !wanted || pythonAtLeast(wanted) === 'python3';
};
const pySnippets = listSnippets('.py').filter(runsOnPython3);
const needsPackage = (src: string) => parseDirectives(readSnippet(src), src).needs.length > 0;

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

const harnessRuns = new Map<string, Promise<Observation>>();
function harnessRun(src: string): Promise<Observation> {
  let run = harnessRuns.get(src);
  if (!run) {
    const source = readSnippet(src);
    // An aiohttp snippet answers from its TypeScript pair's simulated URLs.
    const pair = pairs.find((p) => p.py === src);
    const routes = needsPackage(src) && pair ? readRoutes(pair.ts) : undefined;
    run = runRequest(
      { source, sandbox: !usesProcesses(source), helpers: routes ? { routes } : undefined },
      { budgetMs: 30_000 },
    );
    harnessRuns.set(src, run);
  }
  return run;
}

describe.skipIf(!python.ok)(`every lesson snippet runs in the harness${python.ok ? '' : ` (skipped: ${python.reason})`}`, () => {
  test.concurrent.each(pySnippets.filter((src) => !needsPackage(src)))('%s', T, async (src) => {
    const s = only(await harnessRun(src));
    expect(s.errors, `${src}: ${JSON.stringify(s.errors)}`).toEqual([]);
    expect(printed(s).length, `${src} prints something`).toBeGreaterThan(0);
  });

  const aiohttpPairs = pairs.filter((p) => needsPackage(p.py) && p.stdlib);
  test.concurrent.each(aiohttpPairs)('$py runs on the simulated aiohttp and prints what $stdlib prints', T, async ({ py, stdlib }) => {
    const [withShim, plain] = await Promise.all([harnessRun(py), harnessRun(stdlib!)]);
    expect(only(withShim).errors).toEqual([]);
    expect(printed(only(withShim))).toEqual(printed(only(plain)));
  });

  // The aiohttp side itself, not its stdlib stand-in: the harness runs it on the simulated session.
  test.concurrent.each(pairs.filter((p) => p.same && runsOnPython3(p.py)))('$where: $py prints what $ts prints, as the page says', T, async ({ py, ts }) => {
    const s = only(await harnessRun(py));
    const tsSource = readSnippet(ts);
    // A TypeScript side that runs only in Node (worker threads) has no in-page output to compare with.
    if (parseDirectives(tsSource, ts).runsIn === 'node') return;
    const tsObservation = await observeProgram(tsSource, { routes: readRoutes(ts), budgetMs: 30_000 });
    expect(printed(s)).toEqual(printedLines(tsObservation.scenarios[0]!).map((l) => l.trimEnd()));
  });
});

// ── Pyodide (the page's Python) against CPython (the CLI's) ────────────────

const pyodideInstalled = existsSync(fileURLToPath(new URL('../node_modules/pyodide/pyodide.asm.wasm', import.meta.url)));
/** Differ between any two runs by design (an object's address), or need processes, which Pyodide has none of. */
const notComparable = (src: string) => usesProcesses(readSnippet(src)) || /<coroutine object/.test(readSnippet(src)) || src === 'pitfalls/forgot-await.py';

/**
 * Spans without their ids and sequence numbers, in time order. Those can
 * differ between Python versions without a change in meaning: CPython here
 * may be 3.11 where Pyodide is 3.14, whose tracebacks show more source lines
 * (more stderr lines, later sequence numbers), and whose as_completed starts
 * its tasks in list order where 3.11 started them in set order.
 */
const spanShape = (s: ScenarioObservation) =>
  s.spans
    .map(({ label, kind, start, end, outcome, ms, detail }) => ({ label, kind, start, end, outcome, ms, detail }))
    .sort((x, y) => x.start - y.start || (x.end ?? Infinity) - (y.end ?? Infinity) || x.label.localeCompare(y.label));
const withoutSeq = (settled: ScenarioObservation['settled']) => {
  if (settled.state === 'pending') return settled;
  const { seq: _seq, ...rest } = settled;
  return rest;
};

describe.skipIf(!python.ok || !pyodideInstalled)('Pyodide in Node records what CPython records', () => {
  const runner = new PyodideNodeRunner({ budgetMs: BUDGET_MS });
  beforeAll(async () => {
    await runner.warm();
  }, 240_000);
  afterAll(() => runner.close());

  const snippets = pySnippets.filter((src) => !notComparable(src));
  test.each(snippets)('%s: same lines, times, spans and errors', T, async (src) => {
    const pair = pairs.find((p) => p.py === src);
    const routes = needsPackage(src) && pair ? readRoutes(pair.ts) : undefined;
    const request = { source: readSnippet(src), helpers: routes ? { routes } : undefined };
    const [cpython, pyodide] = await Promise.all([harnessRun(src), runner.run(request, { budgetMs: 30_000 })]);
    const a = only(cpython);
    const b = only(pyodide);
    expect(b.logs.filter((l) => l.stream === 'log').map(({ t, text, phase }) => ({ t, text, phase }))).toEqual(
      a.logs.filter((l) => l.stream === 'log').map(({ t, text, phase }) => ({ t, text, phase })),
    );
    expect(spanShape(b)).toEqual(spanShape(a));
    expect(b.errors).toEqual(a.errors);
    expect(withoutSeq(b.settled)).toEqual(withoutSeq(a.settled));
    expect(b.pendingAtSettle.map((p) => p.label).sort()).toEqual(a.pendingAtSettle.map((p) => p.label).sort());
    expect(b.totalTime).toBe(a.totalTime);
  });

  test('the never-retrieved log reads the same (only the learner file in the traceback)', T, async () => {
    const request = { source: readSnippet('cheatsheet/never-retrieved.py') };
    const [a, b] = await Promise.all([runRequest(request), runner.run(request)]);
    // The task's name included: each run counts tasks from Task-1, however many programs this Pyodide ran before.
    expect(stderrText(only(b))).toBe(stderrText(only(a)));
  });

  test('an endless loop is interrupted at the budget, and the next run still works', T, async () => {
    const s = only(await runner.run({ source: program('print("spinning")', 'while True:', '    pass') }, { budgetMs: 1000 }));
    expect(s.errors).toEqual([expect.objectContaining({ kind: 'budget' })]);
    expect(printed(s)).toEqual(['spinning']);
    const after = only(await runner.run({ source: program('print("next run")') }));
    expect(printed(after)).toEqual(['next run']);
  });

  test('a loop that swallows the interrupt is stopped all the same', T, async () => {
    const source = program('while True:', '    try:', '        while True:', '            pass', '    except BaseException:', '        pass');
    const s = only(await runner.run({ source }, { budgetMs: 1000 }));
    expect(s.errors).toEqual([expect.objectContaining({ kind: 'budget' })]);
    const after = only(await runner.run({ source: program('print("a fresh Pyodide")') }));
    expect(printed(after)).toEqual(['a fresh Pyodide']);
  });

  test("Pyodide's bridge to JavaScript is out of reach", T, async () => {
    const s = only(
      await runner.run({
        // The layers beneath the static check (which refuses this code outright) must hold on their own.
        staticCheck: false,
        source: program(
          'import sys',
          'print(sorted(m for m in sys.modules if m.split(".")[0] in ("js", "pyodide", "pyodide_js", "_pyodide", "course_harness")))',
          'for name in ("js", "pyodide.ffi", "pyodide_js", "course_harness"):',
          '    try:',
          '        __import__(name)',
          '        print(name, "imported")',
          '    except Exception as error:',
          '        print(name, type(error).__name__)',
        ),
      }),
    );
    expect(printed(s)).toEqual(['[]', 'js SandboxRefused', 'pyodide.ffi SandboxRefused', 'pyodide_js SandboxRefused', 'course_harness SandboxRefused']);
  });

  test('walking the class tree to Pyodide\'s own modules finds their namespaces empty while learner code runs', T, async () => {
    const s = only(
      await runner.run({
        // The layers beneath the static check (which refuses this code outright) must hold on their own.
        staticCheck: false,
        source: program(
          'def walk(c, seen):',
          '    for s in type.__subclasses__(c):',
          '        if s not in seen:',
          '            seen.add(s)',
          '            walk(s, seen)',
          '    return seen',
          'found, looked = [], 0',
          'for cls in walk(object, set()):',
          '    if cls.__module__.split(".")[0] in ("pyodide", "_pyodide", "_pyodide_core"):',
          '        for attr in vars(cls).values():',
          '            g = getattr(attr, "__globals__", None)',
          '            if g and str(getattr(attr, "__module__", "")).split(".")[0] in ("pyodide", "_pyodide"):',
          '                looked += 1',
          '                found += [k for k, v in g.items() if v is not None and not k.startswith("__")]',
          'print("looked:", looked > 10)',
          'print("names left:", sorted(set(found)))',
        ),
      }),
    );
    expect(s.errors).toEqual([]);
    expect(printed(s)).toEqual(['looked: True', 'names left: []']);
    // And everything is back for the next run (Pyodide's own features need it).
    const after = only(await runner.run({ source: program('print("still fine")') }));
    expect(printed(after)).toEqual(['still fine']);
  });

  test('importlib and the harness\'s own objects lead to no JavaScript object either', T, async () => {
    const s = only(
      await runner.run({
        // The layers beneath the static check (which refuses this code outright) must hold on their own.
        staticCheck: false,
        source: program(
          'import importlib, sys',
          'print([type(f).__name__ for f in sys.meta_path if "Js" in type(f).__name__])',
          'for name in ("js", "pyodide_js", "_pyodide_core", "pyodide.ffi"):',
          '    try:',
          '        importlib.import_module(name)',
          '        print(name, "imported")',
          '    except Exception as error:',
          '        print(name, type(error).__name__)',
          'import course',
          'recorder = course.block_for.__closure__[0].cell_contents',
          'cells = [c.cell_contents for c in (recorder.on_line.__closure__ or ())]',
          'print(sorted(type(c).__name__ for c in cells))',
        ),
      }),
    );
    expect(printed(s)).toEqual([
      '[]',
      'js SandboxRefused',
      'pyodide_js SandboxRefused',
      '_pyodide_core SandboxRefused',
      'pyodide.ffi SandboxRefused',
      // The line callback holds the nonce and a Python stream, never a JavaScript function.
      "['TextIOWrapper', 'str']",
    ]);
  });
});
