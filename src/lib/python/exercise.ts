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

/** Describes one scenario for the Python harness, or throws NotDescribable. */
export function describeScenario(scenario: Scenario): PythonScenarioPlan {
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

/** The Python requests of one Check: the spec's scenarios for this seed, in order. */
export function pythonCheck(spec: Pick<CheckSpec, 'scenarios'>, source: string, seed: number): PythonCheckPlan {
  const labels: Record<string, string> = {};
  const names: Record<string, string> = {};
  const requests = spec.scenarios(seed).map((scenario): PythonRequest => {
    const plan = describeScenario(scenario);
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
    'Something was started but never awaited: a missing `await`, or a promise from forEach/map that nobody waited for.',
    'Something was started but never awaited: a task from `asyncio.create_task` that nobody awaited.',
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
