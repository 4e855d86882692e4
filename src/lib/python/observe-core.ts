/**
 * The host side of the Python harness that does not depend on the host:
 * reading the harness's output stream, validating what it sends, and
 * turning it into an Observation. The CPython runner (cpython.ts, Node) and
 * a Pyodide runner (page worker, or Node) share it, so both produce the same
 * Observation from the same harness output.
 */
import type { LearnerError, LogLine, Mode, Observation } from '../harness/observation.ts';
import { budgetMessage, stoppedObservation } from '../harness/stopped.ts';
import { logLineSchema, scenarioObservationSchema, type PythonRequest } from './schema.ts';

/** The harness's Python files (under ./harness/), in the order a host must make them importable. */
export const HARNESS_FILES = ['course_harness.py', 'course.py', 'guard.py', 'main.py'] as const;

/** The exercise id of a free-standing Python program (a lesson snippet), beside '@program' for TypeScript. */
export const PYTHON_PROGRAM_ID = '@python-program';

type HarnessMessage =
  | { type: 'start' }
  | { type: 'line'; line: LogLine }
  | { type: 'observation'; value: unknown }
  | { type: 'internal'; message: string };

/**
 * One line of the harness's stdout: `<nonce> start {}`, `<nonce> line {...}` or `<nonce> observation {...}`.
 * Anything else (learner code writing to the real stdout) is not the harness speaking.
 */
export function parseHarnessLine(text: string, nonce: string): HarnessMessage | undefined {
  const prefix = `${nonce} `;
  if (!text.startsWith(prefix)) return undefined;
  const rest = text.slice(prefix.length);
  const space = rest.indexOf(' ');
  if (space < 0) return undefined;
  const kind = rest.slice(0, space);
  let payload: unknown;
  try {
    payload = JSON.parse(rest.slice(space + 1));
  } catch {
    return undefined;
  }
  if (kind === 'start') return { type: 'start' };
  if (kind === 'line') {
    const line = logLineSchema.safeParse(payload);
    return line.success ? { type: 'line', line: line.data } : undefined;
  }
  if (kind === 'observation') {
    if (payload && typeof payload === 'object' && 'internalError' in payload) {
      return { type: 'internal', message: String((payload as { internalError: unknown }).internalError) };
    }
    return { type: 'observation', value: payload };
  }
  return undefined;
}

export interface ObservationContext {
  exercise: string;
  mode: Mode;
  seed: number;
}

/** Wraps the harness's ScenarioObservation into an Observation, after checking its shape. */
export function toObservation(value: unknown, context: ObservationContext, scenarioName: string): Observation {
  const parsed = scenarioObservationSchema.safeParse(value);
  if (!parsed.success) {
    return stopped(context, scenarioName, [], {
      kind: 'internal',
      message: `The Python harness sent an observation the course can't read: ${parsed.error.issues[0]?.message ?? 'invalid'} at ${parsed.error.issues[0]?.path.join('.') ?? '?'}`,
    });
  }
  const { compileError, ...scenario } = parsed.data;
  const observation: Observation = { exercise: context.exercise, mode: context.mode, seed: context.seed, scenarios: [scenario] };
  if (compileError) observation.compileError = compileError;
  return observation;
}

export function stopped(context: ObservationContext, scenarioName: string, logs: LogLine[], error: LearnerError): Observation {
  return stoppedObservation({ ...context, scenario: scenarioName, logs, error });
}

export function budgetStop(context: ObservationContext, scenarioName: string, logs: LogLine[], budgetMs: number): Observation {
  return stopped(context, scenarioName, logs, { kind: 'budget', message: budgetMessage(budgetMs), t: logs.at(-1)?.t ?? 0 });
}

export const scenarioNameOf = (request: PythonRequest) => request.scenario ?? 'program';
