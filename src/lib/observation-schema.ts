/**
 * The page's gate for Observations that come back from a runtime (the
 * sandboxed browser worker, WebContainer's Node). Whatever a runtime sends
 * is treated as hostile: learner code shares a realm with the harness there
 * and can hand back anything. So nothing in the page reads an Observation
 * (or a streamed log line) before it passed this schema: exact types, finite
 * numbers, only the known values of every enum, and caps on how many lines,
 * spans, errors and characters there can be.
 *
 * The caps sit well above what the harness itself writes (1,000 lines of
 * 10,000 characters, 5,000 spans per scenario), so an honest run never
 * trips them; they bound what a doctored one can make the page draw.
 *
 * Pure (no DOM); zod/mini, which the progress store already loads, keeps it
 * small in the editor island.
 */
import * as z from 'zod/mini';
import type { Json, LogLine, Observation } from './harness/observation.ts';

// The site's CSP forbids eval: no `new Function` probe (see progress/schema.ts).
z.config({ jitless: true });

export const OBSERVATION_LIMITS = {
  scenarios: 64,
  linesPerScenario: 2_000,
  spansPerScenario: 10_000,
  errorsPerScenario: 200,
  lineChars: 20_000,
  /** Labels, names, scenario names, details. */
  shortChars: 2_000,
  messageChars: 20_000,
  /** Every string and key inside `params`/`record`/a settled value, together. */
  jsonChars: 200_000,
  jsonNodes: 20_000,
  jsonDepth: 32,
  /** Times are ms; beyond about 30 years of simulated time nothing is meaningful to draw. */
  maxTimeMs: 1e12,
} as const;

const L = OBSERVATION_LIMITS;

const time = z.number().check(z.gte(-L.maxTimeMs), z.lte(L.maxTimeMs));
const count = z.number().check(z.int(), z.nonnegative(), z.lte(1e9));
const position = z.number().check(z.int(), z.positive(), z.lte(1e7));
const short = z.string().check(z.maxLength(L.shortChars));
const message = z.string().check(z.maxLength(L.messageChars));

/** Plain JSON, bounded in depth, size and characters; numbers finite. Checked by hand: zod has no cheap bounded recursive type. */
function isBoundedJson(value: unknown): value is Json {
  let nodes = 0;
  let chars = 0;
  const visit = (v: unknown, depth: number): boolean => {
    if (++nodes > L.jsonNodes || depth > L.jsonDepth) return false;
    if (v === null || typeof v === 'boolean') return true;
    if (typeof v === 'number') return Number.isFinite(v);
    if (typeof v === 'string') return (chars += v.length) <= L.jsonChars;
    if (Array.isArray(v)) return v.every((item) => visit(item, depth + 1));
    if (typeof v !== 'object') return false;
    const proto = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) return false;
    for (const key of Object.keys(v)) {
      if ((chars += key.length) > L.jsonChars) return false;
      if (!visit((v as Record<string, unknown>)[key], depth + 1)) return false;
    }
    return true;
  };
  return visit(value, 0);
}

const json = z.custom<Json>(isBoundedJson, 'not plain, bounded JSON');

const logLine = z.object({
  t: time,
  stream: z.enum(['log', 'error', 'warn', 'info', 'debug']),
  text: z.string().check(z.maxLength(L.lineChars)),
  phase: z.enum(['sync', 'microtask', 'timer']),
  timer: z.optional(count),
  seq: count,
});

const spanKind = z.enum(['timer', 'interval', 'immediate', 'fetch', 'op', 'cpu', 'user']);

const span = z.object({
  id: count,
  label: short,
  kind: spanKind,
  start: time,
  startSeq: count,
  end: z.nullable(time),
  endSeq: z.optional(count),
  owner: z.enum(['learner', 'harness']),
  outcome: z.optional(z.enum(['ok', 'error', 'aborted', 'cleared'])),
  ms: z.optional(time),
  detail: z.optional(short),
  timer: z.optional(count),
});

const learnerError = z.object({
  kind: z.enum(['syntax', 'missing-export', 'uncaught', 'unhandled-rejection', 'budget', 'virtual-limit', 'exit', 'sandbox', 'internal']),
  message,
  name: z.optional(short),
  line: z.optional(position),
  column: z.optional(position),
  t: z.optional(time),
  hint: z.optional(message),
});

const settled = z.discriminatedUnion('state', [
  z.object({ state: z.literal('fulfilled'), at: time, seq: count, value: json }),
  z.object({
    state: z.literal('rejected'),
    at: time,
    seq: count,
    error: z.object({ name: short, message, line: z.optional(position), column: z.optional(position), hint: z.optional(message) }),
  }),
  z.object({ state: z.literal('pending') }),
]);

const mode = z.enum(['run', 'check']);

const scenario = z.object({
  scenario: short,
  mode,
  params: json,
  logs: z.array(logLine).check(z.maxLength(L.linesPerScenario)),
  droppedLines: count,
  outputTruncated: z.boolean(),
  spans: z.array(span).check(z.maxLength(L.spansPerScenario)),
  errors: z.array(learnerError).check(z.maxLength(L.errorsPerScenario)),
  settled,
  pendingAtSettle: z.array(z.object({ id: count, label: short, kind: spanKind })).check(z.maxLength(L.spansPerScenario)),
  totalTime: time,
  clock: z.optional(z.literal('real')),
  record: z.record(short, json),
});

const observationSchema = z.object({
  exercise: short,
  mode,
  seed: z.number().check(z.int(), z.gte(0), z.lte(2 ** 32)),
  compileError: z.optional(learnerError),
  scenarios: z.array(scenario).check(z.maxLength(L.scenarios)),
});

const logBatch = z.array(logLine).check(z.maxLength(L.linesPerScenario));

type ObservationReading = { ok: true; observation: Observation } | { ok: false; reason: string };

/** What the page says when a runtime sent something it can't read (never the learner's fault to debug, never a pass). */
export const UNREADABLE_RUN = 'The run sent something this page can\u2019t read, so there is no result to show. Run it again; if this keeps happening, reload the page.';

function firstIssue(error: z.core.$ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const path = issue.path.map(String).join('.');
  return `${path || '(root)'}: ${issue.message}`;
}

/** An Observation as the page may read it, or why it can't. The reason is for developers (console), not for the learner. */
export function readObservation(value: unknown): ObservationReading {
  const result = observationSchema.safeParse(value);
  // The JSON values in params and record pass through as they came: copying them would cost for nothing.
  return result.success ? { ok: true, observation: result.data as Observation } : { ok: false, reason: firstIssue(result.error) };
}

/** A batch of streamed log lines, or undefined if it doesn't pass the same rules. */
export function readLogLines(value: unknown): LogLine[] | undefined {
  const result = logBatch.safeParse(value);
  return result.success ? (result.data as LogLine[]) : undefined;
}
