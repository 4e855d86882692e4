/**
 * Python answers to the course's exercises, judged by the exercise's own
 * checks. No Node or DOM imports: the CLI (check-python.ts) and the page use
 * it alike.
 *
 * An exercise's cases are TypeScript (its check.ts): each scenario builds
 * `@course/helpers` from a HarnessApi and calls the learner's export. For
 * Python the same scenario is *described* instead: its helpers are called
 * once against a recording HarnessApi (a probe, not a run), which notes the
 * simulated operations (label, duration, value), the routes and the record
 * keys they count; its drive is called with stand-in exports, which note
 * the function and its arguments. The Python harness then builds the same
 * world in the `course` module, on its own virtual clock, and records the
 * same Observation, which the judge reads with the same checks and the seed
 * the caller computed.
 *
 * Names: the learner's Python defines the exported function in snake_case
 * (`makeBreakfast` → `make_breakfast`, `fetchAll` → `fetch_all`, `main`),
 * and imports the helpers from `course` in snake_case too (`brew_coffee`).
 * Timeline labels and check messages keep the exercise's own names.
 *
 * An argument that is a function is the checker's callback (limit-concurrency's
 * `fn`, timeout-and-cancel's `work`): it goes to Python as the description
 * its check.ts gave it (`forPython`, callbacks.ts), and course.py builds the
 * same callback there. What a probe still can't describe (a helper that
 * takes a callback from the learner, a function argument with no
 * description) is refused.
 */
import type { CheckSpec, HarnessApi, Scenario } from '../exercise/spec.ts';
import type { Json, Observation, ScenarioObservation } from '../harness/observation.ts';
import type { PythonRequest } from './schema.ts';
import type { Verdict } from '../judge/verdict.ts';
import { pythonCallbackOf } from './callbacks.ts';

/** Exercises a Python answer can be checked for, and the function the answer defines. */
export const PYTHON_ENTRIES: Readonly<Record<string, string>> = {
  'first-coroutine': 'main',
  'run-concurrently': 'make_breakfast',
  'fetch-all': 'fetch_all',
  'limit-concurrency': 'map_limit',
  'timeout-and-cancel': 'with_timeout',
};
export const PYTHON_EXERCISES = Object.keys(PYTHON_ENTRIES);

/**
 * Arguments TypeScript passes in milliseconds and Python takes in seconds,
 * as Python speaks (`with_timeout(work, 1.0)`, like `asyncio.timeout(1.0)`):
 * by exercise, the arguments' positions.
 */
const SECONDS_ARGS: Readonly<Record<string, readonly number[]>> = {
  'timeout-and-cancel': [1],
};

/** `makeBreakfast` → `make_breakfast`. */
export function snakeCase(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

type Operation = NonNullable<NonNullable<PythonRequest['helpers']>['operations']>[string];
type Routes = NonNullable<NonNullable<PythonRequest['helpers']>['routes']>;
type Callbacks = NonNullable<NonNullable<PythonRequest['entry']>['callbacks']>;

class NotDescribable extends Error {}

const isJson = (value: unknown): value is Json => {
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return true;
  if (Array.isArray(value)) return value.every(isJson);
  if (typeof value === 'object') return Object.getPrototypeOf(value) === Object.prototype && Object.values(value as object).every(isJson);
  return false;
};

/** A simulated operation as the probe saw it. */
interface OperationNote {
  label: string;
  ms: number;
  value?: Json;
}
const NOTE = Symbol('operation note');

/**
 * The recording HarnessApi: what the scenario's setup asks of the harness
 * becomes data. Only the calls a describable setup makes are here.
 */
function probeApi(record: Record<string, Json>, routes: Routes): HarnessApi {
  const api = {
    mode: 'check',
    record: (key: string, value: unknown) => {
      if (!isJson(value)) throw new NotDescribable(`record "${key}" is not plain data`);
      record[key] = value;
    },
    routes: (more: Routes) => Object.assign(routes, more),
    operation: (label: string, ms: number, result?: unknown) => {
      const value = typeof result === 'function' ? (result as () => unknown)() : result;
      if (value !== undefined && !isJson(value)) throw new NotDescribable(`${label} returns something that isn't plain data`);
      return { [NOTE]: { label, ms, ...(value === undefined ? {} : { value }) } satisfies OperationNote };
    },
    now: () => 0,
    log: () => undefined,
  };
  return new Proxy(api, {
    get(target, key) {
      if (key in target) return target[key as keyof typeof target];
      throw new NotDescribable(`its setup uses h.${String(key)}`);
    },
  }) as unknown as HarnessApi;
}

export interface PythonScenarioPlan {
  name: string;
  entry: { function: string; args: Json[]; callbacks?: Callbacks };
  helpers: NonNullable<PythonRequest['helpers']>;
  /** Python's timeline label → the exercise's (`brew_coffee()` → `brewCoffee()`), for the judge. */
  labels: Record<string, string>;
}

/** Describes one scenario for the Python harness, or throws NotDescribable. `secondsArgs`: arguments given in ms that Python takes in seconds. */
export function describeScenario(scenario: Scenario, secondsArgs: readonly number[] = []): PythonScenarioPlan {
  const record: Record<string, Json> = {};
  const routes: Routes = {};
  const h = probeApi(record, routes);
  const helpers = scenario.helpers?.(h) ?? {};
  const operations: Record<string, Operation> = {};
  const labels: Record<string, string> = {};
  for (const [name, helper] of Object.entries(helpers)) {
    if (name === 'sleep' || name === 'blockFor' || typeof helper !== 'function') continue;
    const before = { ...record };
    let made: unknown;
    try {
      made = (helper as () => unknown)();
    } catch (error) {
      if (error instanceof NotDescribable) throw error;
      throw new NotDescribable(`${name}() needs arguments`);
    }
    const note = (made as { [NOTE]?: OperationNote } | undefined)?.[NOTE];
    if (!note) throw new NotDescribable(`${name}() is not a simulated operation`);
    // A record key the call moved up by one counts the calls (first-coroutine's "calls").
    const count = Object.keys(record).find((k) => typeof record[k] === 'number' && record[k] === Number(before[k] ?? 0) + 1);
    Object.keys(record).forEach((k) => (k in before ? (record[k] = before[k]!) : delete record[k]));
    // A helper labelled by its own name (brewCoffee()) shows in Python as brew_coffee(); the judge reads it back under the exercise's label.
    const label = note.label === `${name}()` ? `${snakeCase(name)}()` : note.label;
    if (label !== note.label) labels[label] = note.label;
    operations[snakeCase(name)] = { label, ms: note.ms, ...(note.value === undefined ? {} : { value: note.value }), ...(count ? { count } : {}) };
  }
  let entry: PythonScenarioPlan['entry'] | undefined;
  const exports = new Proxy(
    {},
    {
      get: (_target, key) => (...args: unknown[]) => {
        // A callback of the checker's goes as its description (callbacks.ts), in its place a null.
        const callbacks: Callbacks = [];
        const plain = args.map((arg, at): Json => {
          const callback = pythonCallbackOf(arg);
          if (callback) {
            callbacks.push({ at, callback });
            return null;
          }
          if (!isJson(arg)) throw new NotDescribable(`${String(key)} is given something that isn't plain data`);
          if (secondsArgs.includes(at)) {
            if (typeof arg !== 'number') throw new NotDescribable(`${String(key)}'s argument ${at} is not a number of milliseconds`);
            return arg / 1000;
          }
          return arg;
        });
        entry = { function: snakeCase(String(key)), args: plain, ...(callbacks.length ? { callbacks } : {}) };
        return undefined;
      },
    },
  );
  scenario.drive(exports, h, helpers);
  if (!entry) throw new NotDescribable('its drive calls no export');
  return { name: scenario.name, entry, helpers: { operations, routes, record }, labels };
}

export interface PythonCheckPlan {
  requests: PythonRequest[];
  /** Python's labels → the exercise's, over all scenarios. */
  labels: Record<string, string>;
  /** The exercise's names → Python's, for the verdict's words (`makeBreakfast` → `make_breakfast`). */
  names: Record<string, string>;
}

/** The Python requests of one Check of the exercise `id`: the spec's scenarios for this seed, in order. */
export function pythonCheck(id: string, spec: Pick<CheckSpec, 'scenarios'>, source: string, seed: number): PythonCheckPlan {
  const labels: Record<string, string> = {};
  const names: Record<string, string> = {};
  const requests = spec.scenarios(seed).map((scenario): PythonRequest => {
    const plan = describeScenario(scenario, SECONDS_ARGS[id]);
    Object.assign(labels, plan.labels);
    for (const [python, ts] of Object.entries(plan.labels)) names[ts] = python;
    return { source, mode: 'check', scenario: plan.name, entry: plan.entry, helpers: plan.helpers };
  });
  return { requests, labels, names };
}

/**
 * The exercise's checks speak TypeScript. Where the language matters, a
 * Python learner reads Python instead: these replace whole phrases of the
 * checks' messages (and the exercise's function names by their snake_case).
 */
const PYTHON_PHRASES: Array<[string | RegExp, string]> = [
  [
    // In TypeScript a call without await still runs; in Python the usual reason for no call at all is a coroutine never awaited.
    'Did you write `operation` without `()`? `await operation` waits for the function itself, which is not a promise, so nothing runs: write `await operation()`.',
    'In Python, calling a coroutine function only makes a coroutine, which runs when it is awaited: did you call `operation()` without `await`? Write `await operation()`.',
  ],
  [
    'Calling an async function starts it and hands you a promise at once; `await` it to wait for the result.',
    'Calling a coroutine function only makes a coroutine, and a task started with `asyncio.create_task` runs on its own: `await` it to wait for the result.',
  ],
  [
    'A `.then()` callback nobody waits for runs after main has returned: `await` the promise, or return it.',
    'Work nobody waits for runs after main has returned: `await` the coroutine or the task.',
  ],
  [
    // Matches the check's wording with or without its question (common-checks.ts).
    /Something was started but never awaited: [^.?]*forEach\/map that nobody waited for[.?]/g,
    'Something was started but never awaited: is an `await` missing, or a task from `asyncio.create_task` that nobody awaited?',
  ],
  [
    'Start all three first (call them without `await` and keep the promises), then await them together with Promise.all.',
    'Start all three first (`asyncio.create_task` each, or hand all three to `asyncio.gather`), then await them together.',
  ],
  [
    'fetch resolves even for HTTP errors: check `response.ok` (or `response.status`) and throw.',
    'A request succeeds even for HTTP errors: check `response.status` (or call `response.raise_for_status()`) and raise.',
  ],
  ['Throw an Error (`throw new Error(…)`)', 'Raise an exception (`raise RuntimeError(…)`)'],
  // limit-concurrency: fn(item) makes a coroutine, and its job runs when that coroutine does.
  ['Promise.all(items.map(fn)) is unbounded', 'a task for every item at once (`asyncio.gather(*(fn(item) for item in items))` makes one each) is unbounded'],
  [
    'Does it use Promise.race (which waits only for the first one), or start jobs from a forEach callback (which is never awaited)?',
    'Does it wait only for the first one (`asyncio.wait(…, return_when=FIRST_COMPLETED)`), or start tasks that nothing awaits?',
  ],
  ["Store each result at its item's index (results[i] = …) instead of pushing it.", "Store each result at its item's index (`results[i] = …`) instead of appending it."],
  ['(items[next++]) before any await', '(`index = next_index; next_index += 1`) before any await'],
  [' Is a loop reading past the end of the array (<= instead of <)?', ''],
  ['fn was never called for items[', 'the coroutine of fn never ran for items['],
  [/\bfn was never called, so\b/g, 'no coroutine of fn ever ran, so'],
  ['Call fn for each item.', 'Call fn for each item and await the coroutine it returns.'],
  ['Every item needs its job run.', 'Every item needs its job run: `fn(item)` only makes a coroutine, which runs when it is awaited (or made a task).'],
  ['what fn resolved to for', "what fn's coroutine returned for"],
  ['keep exactly what it resolves to', 'keep exactly what awaiting it gives'],
  ['Return (or resolve to) the array of what fn gave back.', "Return the list of what fn's coroutines returned."],
  ['not an array of results', 'not a list of results'],
  ['None of the jobs fail, so it should resolve.', 'None of the jobs fail, so it should return their results.'],
  // timeout-and-cancel: no AbortSignal in Python; cancelling the task that runs the work is how it stops.
  ['Work that ignores the signal:', 'Work that goes on when cancelled:'],
  ['the signal that work received is aborted at the deadline', 'the work is cancelled at the deadline'],
  ['resolves to its value as soon as it is done', 'returns its value as soon as it is done'],
  ['rejects at the deadline with a timeout error', 'raises a timeout error at the deadline'],
  ['still rejects at the deadline', 'still raises at the deadline'],
  [
    'withTimeout never called work. Call it with a signal and wait for what it returns.',
    'withTimeout never ran the work: no coroutine from `work()` got to run (was it awaited, and did the event loop get a turn?). Call `work()` and await what it returns.',
  ],
  ['withTimeout never called work.', 'withTimeout never ran the work: no coroutine from `work()` got to run.'],
  [
    'Work was called without an AbortSignal, so it had no way to hear that it should stop. Pass it controller.signal.',
    'The work had no way to hear that it should stop: run it in a task that you can cancel.',
  ],
  [
    'The signal that work received was never aborted, so the work never heard that the deadline had passed. Call abort() on the controller whose signal you passed to work when the timer fires.',
    'The work was never cancelled, so it went on after the deadline (until `asyncio.run` cancelled what was left as it finished). Cancel the task that runs it when the deadline passes: `asyncio.timeout` and `asyncio.wait_for` do.',
  ],
  [/\bThe signal was (only )?aborted at\b/g, 'The work was $1cancelled at'],
  ['Abort it when the deadline passes, and not before.', 'Cancel it when the deadline passes, and not before.'],
  [/: abort it when the (\S+ m?s) deadline passes\./g, ': cancel it when the $1 deadline passes.'],
  ['Pass work the signal that you abort, not another one.', 'Cancel the task that runs the work, not another one.'],
  [
    "Promise.race stops waiting for the work, but it doesn't stop the work. Abort the signal you gave work when the deadline passes.",
    "Stopping the wait (`asyncio.wait` with a timeout, `asyncio.shield`) doesn't stop the work: cancel its task when the deadline passes.",
  ],
  [
    'abort its signal, and clear any timer of your own.',
    'cancel its task (and await it), and cancel any waiting of your own.',
  ],
  [
    'keep the timer and clearTimeout it (a finally block does this for every outcome).',
    'cancel whatever waits for it (a `finally` block does this for every outcome), or let `asyncio.timeout` keep the deadline for you.',
  ],
  [
    'The deadline never stopped anything. If you clear the timer in a finally block, `return await` the work: a plain `return` leaves the try (and clears the timer) at once.',
    'The deadline never stopped anything: await the work inside the `async with asyncio.timeout(…)` block (or through `asyncio.wait_for`), so that the deadline can cancel it.',
  ],
  ['an empty catch (or one that only logs)', 'an `except` that passes (or only prints)'],
  [
    "This work ignores the signal, so aborting it doesn't make `await work(signal)` return. ",
    "This work goes on when it is cancelled (it shields an operation that can't be stopped, as a call in a thread can't), so waiting for it takes as long as the work does. ",
  ],
  [
    "Don't wait for the work alone: race it against a promise of your own that rejects at the deadline.",
    "Don't wait for the work alone: stop waiting at the deadline (`asyncio.timeout`, `asyncio.wait_for`).",
  ],
  [
    "Reject with an error whose name or message says so, e.g. new Error(`timed out after ${ms} ms`), or with the signal's reason.",
    'Raise an error whose name or message says so: `TimeoutError`, as `asyncio.timeout` raises.',
  ],
  ['Reject with an error whose name or message says so.', 'Raise an error whose name or message says so: `TimeoutError`, as `asyncio.timeout` raises.'],
  [/\bStart the timer with the ms argument\./g, 'Set the deadline with the `seconds` argument.'],
  ['start the timer with the ms argument', 'set the deadline with the `seconds` argument'],
  ['use the ms argument, not a fixed number', 'use the `seconds` argument, not a fixed number'],
  ['Resolve to exactly the value work gives you.', 'Return exactly the value the work gives you.'],
  ['clear them when you settle', 'cancel them before you return or raise'],
  // Python's unhandled rejection: a task's exception nobody retrieved.
  ['No promise rejection goes unhandled', "No task's exception goes unretrieved"],
  [' In Node this crashes the program. ', ' asyncio only logs it, when the task is destroyed, and the error is lost. '],
  [
    'Every promise that can reject needs someone to await it (inside try/catch) or a .catch().',
    'Every task that can raise needs someone to await it (inside try/except) or to ask for its result.',
  ],
  ['Resolves to fn\'s results, in the order of items', "Returns fn's results, in the order of items"],
  // An export's outcome in Python words: it returns or raises.
  [/\b(withTimeout|mapLimit) resolved to\b/g, '$1 returned'],
  [/\b(withTimeout|mapLimit)( only)? resolved\b/g, '$1$2 returned'],
  [/\b(withTimeout|mapLimit) rejected with\b/g, '$1 raised'],
  [/\b(withTimeout|mapLimit)( only)? rejected\b/g, '$1$2 raised'],
  [/\b(withTimeout|mapLimit) settled at\b/g, '$1 finished at'],
  [/\binstead of rejecting\b/g, 'instead of raising'],
  // Python's TimeoutError has no message: "TimeoutError: " reads as "TimeoutError".
  [/\b(\w+Error): (?=[,)]|\.(?:\s|$))/g, '$1'],
  ['are you awaiting fetch inside the loop?', 'are you awaiting each request inside the loop?'],
  ['Promise.all', 'asyncio.gather'],
  ['Promise.race', 'asyncio.wait(…, return_when=FIRST_COMPLETED)'],
  [/\bforEach with an async callback\b/g, 'a loop that creates coroutines without awaiting them'],
  [
    // 3.11 says "unhashable type: 'list'"; 3.14 "cannot use 'list' as a dict key (unhashable type: 'list')".
    /(TypeError: [^\n]*?unhashable type: 'list'[^.]*\.)/g,
    '$1 `asyncio.gather` takes each awaitable as its own argument: unpack a list with `*` (`asyncio.gather(*coros)`).',
  ],
  [/\bpromises\b/g, 'tasks'],
  [/\bpromise\b/g, 'task'],
];

export function inPythonWords(text: string, names: Record<string, string>): string {
  let out = text;
  for (const [from, to] of PYTHON_PHRASES) out = typeof from === 'string' ? out.split(from).join(to) : out.replace(from, to);
  for (const [ts, python] of Object.entries(names)) out = out.split(ts).join(python);
  return out;
}

/** Exported function names in a verdict: `makeBreakfast` → `make_breakfast` (the check titles and messages name them). */
export function exportNames(exports: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.keys(exports).filter((n) => snakeCase(n) !== n).map((n) => [n, snakeCase(n)]));
}

/**
 * One Observation from the scenarios' runs (each run is one scenario). A
 * SyntaxError stops at the first: nothing else would run either.
 */
export function combineObservations(exercise: string, seed: number, runs: Observation[], labels: Record<string, string> = {}): Observation {
  const observation: Observation = { exercise, mode: 'check', seed, scenarios: [] };
  const label = (l: string) => labels[l] ?? l;
  for (const run of runs) {
    if (run.compileError) {
      observation.compileError = run.compileError;
      observation.scenarios = [];
      return observation;
    }
    for (const scenario of run.scenarios as ScenarioObservation[]) {
      observation.scenarios.push({
        ...scenario,
        spans: scenario.spans.map((s) => ({ ...s, label: label(s.label) })),
        pendingAtSettle: scenario.pendingAtSettle.map((p) => ({ ...p, label: label(p.label) })),
      });
    }
  }
  return observation;
}

/** A verdict in Python's words (inPythonWords on every title and message). */
export function pythonVerdict(verdict: Verdict, names: Record<string, string>): Verdict {
  return {
    ...verdict,
    checks: verdict.checks.map((c) => ({ ...c, title: inPythonWords(c.title, names), message: inPythonWords(c.message, names) })),
  };
}

export { NotDescribable };
