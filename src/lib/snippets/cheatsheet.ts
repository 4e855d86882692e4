/**
 * The cheat sheet: Python asyncio mapped to TypeScript, one row per idea,
 * each with a Python and a TypeScript example from content/snippets/cheatsheet/.
 * src/pages/cheatsheet.astro renders it; test/snippets.test.ts and
 * test/python.test.ts run every example, and compare the outputs of the rows
 * marked `same`. Text fields may use `backticks` for code.
 */

interface CheatRow {
  /** Anchor on the page (#gather), unique. */
  id: string;
  /** The Python side, as a short label. */
  python: string;
  /** The TypeScript side, as a short label. */
  typescript: string;
  /** The difference to point out, in one sentence (shown in the summary table). */
  gist: string;
  /** Python example, under content/snippets/. */
  py: string;
  /** Standard-library version, when `py` needs a package (see PyTs `stdlib`). */
  stdlib?: string;
  /** TypeScript example, under content/snippets/. */
  ts: string;
  /** Both examples print the same lines (checked by test/python.test.ts). */
  same: boolean;
  /** Longer notes under the examples: where they differ. One paragraph per entry. */
  notes: string[];
}

const dir = 'cheatsheet/';

export const CHEAT_ROWS: CheatRow[] = [
  {
    id: 'async-def',
    python: '`async def` and `await`',
    typescript: '`async function` and `await`',
    gist: 'Calling a Python coroutine function only makes a coroutine object; calling a JS async function starts it.',
    py: `${dir}async-def.py`,
    ts: `${dir}async-def.ts`,
    same: true,
    notes: [
      '`add(2, 3)` in Python returns a coroutine object and runs none of its body until it is awaited or made into a task. In TypeScript, `add(2, 3)` runs at once up to its first `await` and returns a `Promise`. Not even `asyncio.create_task` does that: it only schedules the coroutine for the loop\'s next turn (unless you opt into Python 3.12\'s `eager_task_factory`).',
      'In JavaScript every `await` gives way at least until the current code has finished, even on a value that is already there. In Python, awaiting a coroutine runs it straight away, and only a real wait hands control to the loop.',
    ],
  },
  {
    id: 'run',
    python: '`asyncio.run(main())`',
    typescript: 'top-level `await main()`',
    gist: 'No loop to create or close: Node.js and browsers always have one running.',
    py: `${dir}run.py`,
    ts: `${dir}run.ts`,
    same: true,
    notes: [
      '`asyncio.run` makes a new event loop, runs `main()` to the end and closes the loop. JavaScript has no such call: the loop is running before your first line and stops by itself when nothing is left to wait for.',
      'Top-level `await` needs an ES module. In a plain script, call `main().catch(console.error)` instead, so a failure is still reported.',
    ],
  },
  {
    id: 'create-task',
    python: '`asyncio.create_task(coro)`',
    typescript: 'call the async function and keep its promise',
    gist: 'There is no separate task object, and a promise has no `cancel()`.',
    py: `${dir}create-task.py`,
    ts: `${dir}create-task.ts`,
    same: true,
    notes: [
      'Both programs start brewing the tea, make toast meanwhile, then collect the tea. Python needs `create_task` to get the coroutine going, and even then its first line runs only when the caller pauses at an `await`; in TypeScript the call itself runs the body up to its first `await`, and the promise is the handle.',
      'Keep a reference to a Python task until it is done (the loop holds tasks only weakly). A JavaScript promise keeps its work alive by itself, but you should still await it, or attach a `.catch`, so its errors are seen.',
    ],
  },
  {
    id: 'gather',
    python: '`asyncio.gather(a, b, c)`',
    typescript: '`Promise.all([a, b, c])`',
    gist: 'Both wait for all and keep the input order; `Promise.all` rejects on the first failure.',
    py: `${dir}gather.py`,
    ts: `${dir}gather.ts`,
    same: true,
    notes: [
      'Results come back in the order you passed the work in, not the order it finished, and the total time is that of the slowest (0.3 s here, not 0.6 s).',
      'When one fails, `gather` (without `return_exceptions`) and `Promise.all` both fail with the first error, and neither stops the others: in Python the remaining tasks go on running, and in JavaScript the remaining promises go on settling.',
    ],
  },
  {
    id: 'return-exceptions',
    python: '`gather(…, return_exceptions=True)`',
    typescript: '`Promise.allSettled([…])`',
    gist: '`allSettled` gives `{ status, value | reason }` records instead of mixing errors into the results.',
    py: `${dir}return-exceptions.py`,
    ts: `${dir}return-exceptions.ts`,
    same: true,
    notes: [
      'Python puts the exception object in the result list, so you tell successes from failures with `isinstance`. JavaScript wraps each outcome: `{ status: "fulfilled", value }` or `{ status: "rejected", reason }`.',
    ],
  },
  {
    id: 'sleep',
    python: '`await asyncio.sleep(0.5)`',
    typescript: '`await sleep(500)` from `@course/helpers` (the course\'s one sleep)',
    gist: 'JavaScript counts milliseconds, Python seconds. Outside the course: `setTimeout` from `node:timers/promises`.',
    py: `${dir}sleep.py`,
    ts: `${dir}sleep.ts`,
    same: true,
    notes: [
      "Every lesson, exercise and example here uses one sleep: `sleep(ms, signal?)` from `@course/helpers`. In your own Node code, `setTimeout` from `node:timers/promises` does the same (it takes `{ signal }` as its third argument); in a browser, wrap the callback version: `new Promise((resolve) => setTimeout(resolve, ms))`.",
      "Aborted, both Node\'s timer and the course\'s `sleep` reject with an `AbortError` whose `cause` is the signal\'s reason (a `TimeoutError` for `AbortSignal.timeout`). `fetch` rejects with the reason itself. To learn why work stopped, ask the signal: `signal.reason`.",
    ],
  },
  {
    id: 'time-sleep',
    python: '`time.sleep(0.5)` (blocks)',
    typescript: 'long synchronous work (blocks)',
    gist: 'JavaScript has no blocking sleep on the main thread; long computation and synchronous calls (`readFileSync`, `execSync`) block instead.',
    py: `${dir}time-sleep.py`,
    ts: `${dir}time-sleep.ts`,
    same: true,
    notes: [
      'A timer of 0.1 s finishes after 0.5 s in both, because nothing else can run while the thread is held. `blockFor(ms)` is the course\'s stand-in for anything that holds the thread: a long loop, or a synchronous call such as `readFileSync` or `execSync`, which waits for the disk or a child process without letting the loop run.',
      'The fixes differ: in Python use `await asyncio.sleep` or move the blocking call off the loop with `await asyncio.to_thread(…)`; in JavaScript split the work into chunks that yield, or move it to a worker thread.',
    ],
  },
  {
    id: 'timeout',
    python: '`asyncio.wait_for(coro, timeout)`, `async with asyncio.timeout(s)`',
    typescript: '`AbortSignal.timeout(ms)`, `Promise.race`',
    gist: 'Cancellation is cooperative and opt-in: the work must accept a signal.',
    py: `${dir}wait-for.py`,
    ts: `${dir}wait-for.ts`,
    same: true,
    notes: [
      'Python cancels the slow task for you when the deadline passes, provided it is paused at an `await` (code that is running or blocked can\'t be interrupted). In JavaScript the deadline only stops work that takes a signal: `AbortSignal.timeout(500)` aborts the sleep inside `slow()`, but `Promise.race` merely stops waiting, and the losing work runs on (here for the rest of its 2 s).',
    ],
  },
  {
    id: 'cancel',
    python: '`task.cancel()`',
    typescript: '`AbortController` and `controller.abort()`',
    gist: 'Python raises `CancelledError` in a task where it is paused; JavaScript work must listen for the signal.',
    py: `${dir}cancel.py`,
    ts: `${dir}cancel.ts`,
    same: true,
    notes: [
      '`task.cancel()` works on a task, not on a bare coroutine: it makes the `await` the task is paused on raise `CancelledError`. The task can catch it (and should re-raise it), and a task stuck in blocking code can\'t be interrupted at all. An `AbortController` only sets a flag and fires an event; the download stops because the `sleep` it awaits was given `controller.signal` and rejects when it is aborted.',
      'Re-raise the cancellation after cleaning up, in both languages, so the caller learns the work did not finish.',
    ],
  },
  {
    id: 'as-completed',
    python: '`asyncio.as_completed(aws)`',
    typescript: 'race the promises that are left, one result at a time',
    gist: 'No built-in: a few lines with `Promise.race` do it.',
    py: `${dir}as-completed.py`,
    ts: `${dir}as-completed.ts`,
    same: true,
    notes: [
      'Results arrive fastest first. The TypeScript helper tags each promise with its index, races the ones still pending, and removes each winner before racing again.',
    ],
  },
  {
    id: 'semaphore',
    python: '`asyncio.Semaphore(n)`',
    typescript: 'a small semaphore (or pool) written with promises',
    gist: 'The cure for "too many tasks at once"; JavaScript has none built in.',
    py: `${dir}semaphore.py`,
    ts: `${dir}semaphore.ts`,
    same: true,
    notes: [
      'All five jobs start at once, but only two get past the semaphore at a time. The TypeScript class keeps a count of free places and a queue of waiting resolvers; `finally` makes sure a place is given back even when a job fails.',
    ],
  },
  {
    id: 'lock',
    python: '`async with asyncio.Lock()`',
    typescript: 'no built-in: a small lock made of a promise chain',
    gist: 'Keeps a read, an `await` and a write on shared state together, one task at a time.',
    py: `${dir}lock.py`,
    ts: `${dir}lock.ts`,
    same: true,
    notes: [
      "Lee waits until Kim's withdrawal has written the balance back, so neither withdrawal is lost. In TypeScript each `acquire()` waits for the promise of the holder before it and hands back the function that lets go; `finally` calls it even when the work throws. The lesson on shared state shows what happens without a lock.",
    ],
  },
  {
    id: 'task-group',
    python: '`async with asyncio.TaskGroup()`',
    typescript: 'no built-in: `Promise.allSettled` with an `AbortController` shared by the group',
    gist: 'Structured concurrency: when one job fails, the rest are cancelled and the group still waits for them.',
    py: `${dir}task-group.py`,
    ts: `${dir}task-group.ts`,
    same: true,
    notes: [
      '`b` fails, so `c` is cancelled, and only then does the group report the failure. `Promise.all` alone would reject at once and leave `c` running; the helper aborts the shared signal on the first failure and waits for every job to settle.',
      'A `TaskGroup` raises an `ExceptionGroup` (hence `except*`); the helper rethrows the first error.',
    ],
  },
  {
    id: 'cpu-bound',
    python: '`ProcessPoolExecutor` / `multiprocessing`',
    typescript: '`worker_threads` (Node.js), Web Workers (browsers)',
    gist: 'Heavy computation goes to another thread or process, so the loop stays free.',
    py: `${dir}process-pool.py`,
    ts: `${dir}worker-threads.ts`,
    same: true,
    notes: [
      'Python runs the function in other processes (in a standard build its threads share one interpreter lock, so they would not speed up pure Python code). JavaScript workers are threads with their own event loop and memory; they talk by messages. Either way, awaiting the result keeps the event loop free.',
      'This TypeScript example uses Node.js\'s `node:worker_threads`, which the course\'s in-page sandbox does not have. The course runs it with Node.js in its tests; copy it into a file and run it with `node`.',
    ],
  },
  {
    id: 'never-retrieved',
    python: '"Task exception was never retrieved"',
    typescript: 'an unhandled promise rejection',
    gist: 'Python logs an error and carries on; Node.js stops the whole process by default.',
    py: `${dir}never-retrieved.py`,
    ts: `${dir}never-retrieved.ts`,
    same: false,
    notes: [
      'Nobody awaits `risky()`, so nobody sees its error. Python logs "Task exception was never retrieved" at error level (to stderr, with the traceback) when the task object is destroyed: at once once nothing refers to it, later only if something still holds the task. `main` finishes normally.',
      'In Node.js an unhandled rejection ends the process with an error, so "main finished" is never printed (the course\'s sandbox reports the rejection and lets the program go on, so you can see both). Browsers log it to the console. Await every promise you start, or give it a `.catch`.',
    ],
  },
  {
    id: 'http',
    python: '`aiohttp.ClientSession`',
    typescript: '`fetch` (built into Node.js and browsers)',
    gist: 'No package and no session object needed; `fetch` does not reject on HTTP error statuses.',
    py: `${dir}aiohttp-client.py`,
    stdlib: `${dir}aiohttp-stdlib.py`,
    ts: `${dir}fetch.ts`,
    same: true,
    notes: [
      '`fetch` resolves for any status, 404 and 500 included; check `response.ok` yourself, as `raise_for_status()` does in aiohttp. The examples in the course answer from simulated URLs, so they run offline.',
    ],
  },
];

/** Escapes HTML, then turns `code` spans into <code> elements. */
export function inlineCode(text: string): string {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  return escaped.replace(/`([^`]+)`/g, '<code>$1</code>');
}
