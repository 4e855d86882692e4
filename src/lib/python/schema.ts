/**
 * What crosses the boundary between the Python harness and the host: the
 * request the host sends, and the ScenarioObservation the harness sends back
 * (the same shape as the TypeScript harness's, src/lib/harness/observation.ts).
 * The observation is schema-checked on arrival, because learner code ran in
 * the same interpreter that wrote it.
 *
 * zod/mini, as in src/lib/progress/schema.ts, so the page can reuse this
 * module cheaply.
 */
import * as z from 'zod/mini';
import type { Json, ScenarioObservation } from '../harness/observation.ts';

z.config({ jitless: true });

const time = z.number().check(z.gte(0));
const seq = z.int().check(z.gte(0));
const json = z.json() as unknown as z.ZodMiniType<Json>;

const phase = z.enum(['sync', 'microtask', 'timer']);
export const logLineSchema = z.object({
  /** Milliseconds since the run began (virtual under Check). */
  t: time,
  /** print() writes 'log'; sys.stderr (tracebacks, asyncio's warnings) writes 'error'. */
  stream: z.enum(['log', 'error', 'warn', 'info', 'debug']),
  text: z.string(),
  /** 'sync' outside any event loop; inside it 'microtask' until the first timer came due, then 'timer'. */
  phase,
  timer: z.optional(z.int()),
  seq,
});

const spanKind = z.enum(['timer', 'interval', 'immediate', 'fetch', 'op', 'cpu', 'user']);
const spanSchema = z.object({
  id: z.int(),
  label: z.string(),
  kind: spanKind,
  start: time,
  startSeq: seq,
  end: z.nullable(time),
  endSeq: z.optional(seq),
  owner: z.enum(['learner', 'harness']),
  outcome: z.optional(z.enum(['ok', 'error', 'aborted', 'cleared'])),
  ms: z.optional(z.number()),
  detail: z.optional(z.string()),
  timer: z.optional(z.int()),
});

const errorKind = z.enum(['syntax', 'missing-export', 'uncaught', 'unhandled-rejection', 'budget', 'virtual-limit', 'exit', 'sandbox', 'internal']);
const learnerErrorSchema = z.object({
  kind: errorKind,
  message: z.string(),
  name: z.optional(z.string()),
  line: z.optional(z.int()),
  column: z.optional(z.int()),
  t: z.optional(time),
});

const settledSchema = z.union([
  z.object({ state: z.literal('fulfilled'), at: time, seq, value: json }),
  z.object({
    state: z.literal('rejected'),
    at: time,
    seq,
    error: z.object({ name: z.string(), message: z.string(), line: z.optional(z.int()), column: z.optional(z.int()) }),
  }),
  z.object({ state: z.literal('pending') }),
]);

export const scenarioObservationSchema = z.object({
  scenario: z.string(),
  mode: z.enum(['run', 'check']),
  params: json,
  logs: z.array(logLineSchema),
  droppedLines: z.int().check(z.gte(0)),
  outputTruncated: z.boolean(),
  spans: z.array(spanSchema),
  errors: z.array(learnerErrorSchema),
  settled: settledSchema,
  pendingAtSettle: z.array(z.object({ id: z.int(), label: z.string(), kind: spanKind })),
  totalTime: time,
  record: z.record(z.string(), json),
  /** Set when the file did not compile (a SyntaxError): nothing ran. */
  compileError: z.optional(learnerErrorSchema),
});

/** A ScenarioObservation as the Python harness writes it: plus the compile error, when there was one. */
type PythonScenarioObservation = ScenarioObservation & { compileError?: z.infer<typeof learnerErrorSchema> };

// The schema and the TypeScript type must describe the same thing.
type Infer = z.infer<typeof scenarioObservationSchema>;
const sameShape: (o: Infer) => PythonScenarioObservation = (o) => o;
void sameShape;

/** A simulated operation of the `course` module (a coroutine function learner code imports). */
const operationSchema = z.object({
  /** Timeline label; default `name()`. */
  label: z.optional(z.string()),
  /** How long it takes, in milliseconds (the course clock). */
  ms: z.number().check(z.gte(0)),
  /** What it returns. */
  value: z.optional(json),
  /** Raise this instead of returning: a builtin exception type's name and its message. */
  error: z.optional(z.object({ type: z.string(), message: z.string() })),
  detail: z.optional(z.string()),
  /** Count the times learner code starts it in observation.record[count]. */
  count: z.optional(z.string()),
});

const routeSchema = z.object({
  status: z.int(),
  body: z.string(),
  /** Milliseconds before the response arrives. */
  latency: z.number().check(z.gte(0)),
  statusText: z.optional(z.string()),
  contentType: z.optional(z.string()),
});

/**
 * A callback the checker hands to the learner's function (limit-concurrency's
 * `fn`, timeout-and-cancel's `work`), described as data: the exercise's
 * check.ts attaches this beside the TypeScript callback it builds
 * (callbacks.ts), and course.py builds the same callback on the Python
 * harness's clock. Each kind records what its TypeScript twin records, under
 * the same keys, so the exercise's own checks read the Python run unchanged.
 * In Python each one is a coroutine function: calling it only makes a
 * coroutine, and its work starts when that coroutine first runs.
 */
const jobsCallbackSchema = z.object({
  /**
   * `fn(item)`: the job for `items[i]` takes `ms[i]`, shows as an `op` span
   * `job <item>` (detail `items[i]`) and returns `results[i]`; anything that
   * is not an item takes `strangerMs`. Records `calls` (runs per item),
   * `peak` (most jobs running at once) and `strangers` (what else it got).
   */
  kind: z.literal('jobs'),
  items: z.array(json),
  ms: z.array(z.number().check(z.gte(0))),
  results: z.array(json),
  strangerMs: z.number().check(z.gte(0)),
});
/** Records of the work kinds: `workCalls`, `gotSignal` (true: a coroutine can always be cancelled), `abortedAt` (when the work was cancelled, while the learner's function still ran). */
const fastWorkSchema = z.object({
  /** `work()`: an `op` span `label` of `ms`, then `value`; cancelled, the span ends `aborted`. */
  kind: z.literal('fast-work'),
  label: z.string(),
  ms: z.number().check(z.gte(0)),
  value: json,
});
const slowWorkSchema = z.object({
  /** `work()`: `steps` sleeps of `stepMs`, timer spans `step <n>`, each one's end time added to record `steps`; returns `value`. */
  kind: z.literal('slow-work'),
  steps: z.int().check(z.gte(0)),
  stepMs: z.number().check(z.gte(0)),
  value: json,
});
const stubbornWorkSchema = z.object({
  /**
   * `work()`: awaits the harness's own operation of `ms` through
   * `asyncio.shield`, so cancelling the work stops the waiting but not the
   * operation (as with work in a thread): it goes on, a harness span
   * `label`, and records `stubbornDoneAt` when it ends.
   */
  kind: z.literal('stubborn-work'),
  label: z.string(),
  ms: z.number().check(z.gte(0)),
  value: json,
});
export const pythonCallbackSchema = z.discriminatedUnion('kind', [jobsCallbackSchema, fastWorkSchema, slowWorkSchema, stubbornWorkSchema]);
export type PythonCallback = z.infer<typeof pythonCallbackSchema>;

/** What one run of Python learner code needs; the harness reads the same JSON under CPython and Pyodide. */
export const pythonRequestSchema = z.object({
  /** The learner's file. It is compiled as `main.py`: tracebacks name that file. */
  source: z.string(),
  /** 'check': virtual clock (default). 'run': the real clock. */
  mode: z.optional(z.enum(['run', 'check'])),
  /** Scenario name (default 'program'). */
  scenario: z.optional(z.string()),
  /** The scenario's inputs, passed through to the observation for the judge. */
  params: z.optional(json),
  /**
   * For an exercise: the function to call after the module body ran (the
   * file is imported as a module, so an `if __name__ == "__main__":` block
   * does not run). Without it, the module body is the program.
   */
  entry: z.optional(
    z.object({
      function: z.string(),
      args: z.optional(z.array(json)),
      /** Arguments that are the checker's callbacks: `args[at]` is replaced by the callback built from `callback`. */
      callbacks: z.optional(z.array(z.object({ at: z.int().check(z.gte(0)), callback: pythonCallbackSchema }))),
    }),
  ),
  /**
   * Default true: refuse processes, sockets, writing files and the bridge to
   * JavaScript. false only for the course's own snippets (a ProcessPoolExecutor
   * example), never for learner code.
   */
  sandbox: z.optional(z.boolean()),
  /**
   * Default true: the guard's static check of the source (guard.py) runs
   * before any of it. false only in tests of the layers beneath it (the
   * audit hook, the hidden modules), never for learner code.
   */
  staticCheck: z.optional(z.boolean()),
  /** What the `course` module simulates for this run. */
  helpers: z.optional(
    z.object({
      /** Coroutine functions by name, added to (or replacing) the defaults: operation, brew_coffee, toast_bread, fry_eggs. */
      operations: z.optional(z.record(z.string(), operationSchema)),
      /** URLs the aiohttp-shaped ClientSession answers. */
      routes: z.optional(z.record(z.string(), routeSchema)),
      /** Values copied to observation.record for the judge. */
      record: z.optional(z.record(z.string(), json)),
    }),
  ),
});
export type PythonRequest = z.infer<typeof pythonRequestSchema>;
