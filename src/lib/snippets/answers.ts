/**
 * Predict-the-output questions: the expected answer is computed from a real
 * run of the snippet (an Observation), never typed by hand. Pure functions,
 * shared by <Predict> at build time and by test/predict.test.ts.
 */
import type { LearnerErrorKind, Observation, ScenarioObservation } from '../harness/observation.ts';
import { hashString, mulberry32 } from '../harness/random.ts';

/**
 * What property of the run picks the right option of a choice question.
 * - `output`: the whole printed output (an option lists its lines, separated by "\n");
 * - `first-line` / `last-line`: the first or last printed line;
 * - `elapsed`: the run's total virtual time, matched to options such as
 *   "about 1 s", "3 seconds", "500 ms", "0 s" (within 5 % or 50 ms, whichever is larger);
 * - `line-count`: how many lines were printed (options like "3 lines", "none").
 */
const CHOICE_RULES = ['output', 'first-line', 'last-line', 'elapsed', 'line-count'] as const;
export type ChoiceRule = (typeof CHOICE_RULES)[number];

export type PredictSpec =
  | { kind: 'order' }
  | { kind: 'choice'; answer: ChoiceRule; options: readonly string[] };

type PredictAnswer =
  | {
      kind: 'order';
      /** The printed lines, in the order the run printed them. */
      lines: string[];
      /** The same lines as the learner first sees them: shuffled, deterministically, never already right. */
      shuffled: string[];
    }
  | {
      kind: 'choice';
      options: string[];
      /** Index of the one option that matches the run. */
      correct: number;
      /** What the run showed, in words, for the explanation ("the run took 1000 ms"). */
      evidence: string;
    };

/** The most lines an ordering question may have: more is a chore, not a question. */
export const MAX_ORDER_LINES = 10;

/** An author's mistake in a question: the build stops with this message. */
export class PredictError extends Error {
  override name = 'PredictError';
}

/** The single scenario of a program run; throws if the snippet didn't even compile. */
export function programScenario(observation: Observation, where = 'snippet'): ScenarioObservation {
  if (observation.compileError) {
    const e = observation.compileError;
    throw new PredictError(`${where}: does not compile: ${e.message}${e.line ? ` (line ${e.line})` : ''}`);
  }
  const scenario = observation.scenarios[0];
  if (!scenario) throw new PredictError(`${where}: the run produced no observation`);
  return scenario;
}

/**
 * What went wrong in a run that should have gone right, as sentences; empty
 * when the run is healthy. `expected` lists error kinds the snippet declares
 * on purpose (`// expect-error: …`): those must occur, and are not problems.
 */
export function runProblems(observation: Observation, expected: readonly LearnerErrorKind[] = []): string[] {
  if (observation.compileError) {
    const e = observation.compileError;
    return [`does not compile: ${e.message}${e.line ? ` (line ${e.line})` : ''}`];
  }
  const problems: string[] = [];
  const scenario = observation.scenarios[0];
  if (!scenario) return ['the run produced no observation'];
  for (const error of scenario.errors) {
    if (!expected.includes(error.kind)) problems.push(`${error.kind}: ${error.message}`);
  }
  for (const kind of expected) {
    if (!scenario.errors.some((e) => e.kind === kind)) problems.push(`declares "expect-error: ${kind}" but the run showed no such error`);
  }
  const fatal = scenario.errors.some((e) => e.kind === 'uncaught' || e.kind === 'budget' || e.kind === 'virtual-limit' || e.kind === 'exit');
  if (scenario.settled.state === 'rejected') {
    const e = scenario.settled.error;
    if (!expected.includes('uncaught')) problems.push(`the program's top level rejected: ${e.name}: ${e.message}`);
  } else if (scenario.settled.state === 'pending' && !fatal) {
    problems.push('the program never finished (its top level was still waiting when the run stopped)');
  }
  if (scenario.outputTruncated) problems.push('the output was cut by the output cap');
  return problems;
}

/** Printed lines, one entry per line (a console.log of "a\nb" counts as two). */
export function printedLines(scenario: ScenarioObservation): string[] {
  return scenario.logs.flatMap((line) => line.text.split('\n'));
}

/** Lines of an option or of output, compared without surrounding spaces or blank lines. */
function normaliseLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

const sameLines = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * The lines in a deterministic shuffled order (seeded by `seed` and the
 * lines) that differs from the right order. Needs two different lines.
 */
export function shuffleLines(lines: readonly string[], seed = ''): string[] {
  if (new Set(lines).size < 2) throw new PredictError('an ordering needs at least two different lines');
  const next = mulberry32(hashString(`${seed}\u0000${lines.join('\n')}`));
  for (let attempt = 0; attempt < 20; attempt++) {
    const out = [...lines];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    if (!sameLines(out, lines)) return out;
  }
  // Vanishingly unlikely with ≥ 2 different lines; rotating by one always differs.
  const rotated = [...lines.slice(1), lines[0]!];
  return sameLines(rotated, lines) ? [...lines].reverse() : rotated;
}

/**
 * A duration named in an option, in ms: "about 1 s", "3 seconds", "1.5 s",
 * "500 ms", "0 s", "instantly". `undefined` when the option names none.
 */
export function parseDuration(option: string): number | undefined {
  const text = option.toLowerCase();
  if (/\b(instantly|immediately|no time)\b/.test(text)) return 0;
  const m = /(\d+(?:\.\d+)?)\s*(ms|milliseconds?|s|secs?|seconds?|min|minutes?)\b/.exec(text);
  if (!m) return undefined;
  const value = Number(m[1]);
  const unit = m[2]!;
  if (unit.startsWith('ms') || unit.startsWith('milli')) return value;
  if (unit.startsWith('min')) return value * 60_000;
  return value * 1000;
}

/** Whether a measured time matches a named one: within 5 % or 50 ms, whichever is larger. */
export function durationMatches(actualMs: number, namedMs: number): boolean {
  return Math.abs(actualMs - namedMs) <= Math.max(50, namedMs * 0.05);
}

/** A count named in an option: "3 lines", "three lines", "none", "no lines". */
export function parseCount(option: string): number | undefined {
  const words = ['none', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
  const text = option.toLowerCase();
  if (/\b(nothing|none|no lines?)\b/.test(text)) return 0;
  const digits = /\b(\d+)\b/.exec(text);
  if (digits) return Number(digits[1]);
  const word = words.findIndex((w, i) => i > 0 && new RegExp(`\\b${w}\\b`).test(text));
  return word > 0 ? word : undefined;
}

const quote = (s: string) => JSON.stringify(s);

/**
 * The answer of a question, from a run of its snippet. Throws a PredictError
 * naming `where` when the question can't have exactly one right answer:
 * the run failed, an ordering has too few or too many lines, or not exactly
 * one choice option matches.
 */
export function computeAnswer(spec: PredictSpec, observation: Observation, where = 'snippet', seed = where): PredictAnswer {
  const problems = runProblems(observation);
  if (problems.length) throw new PredictError(`${where}: the snippet's run went wrong, so it can't answer a question:\n  - ${problems.join('\n  - ')}`);
  const scenario = programScenario(observation, where);
  return answerFromPrinted(spec, { lines: printedLines(scenario), totalTime: scenario.totalTime }, where, seed);
}

/** What a question about a program needs from its run: the printed lines, and the time it took if known. */
interface PrintedRun {
  lines: string[];
  /** Virtual milliseconds; needed only by answer="elapsed". */
  totalTime?: number;
}

/**
 * The answer of a question about a Python snippet, from its CPython run as
 * captured (src/lib/snippets/outputs.ts): its standard output is what the
 * learner predicts. A run that did not exit 0 answers nothing.
 */
export function computePythonAnswer(
  spec: PredictSpec,
  run: { lines: { stream: 'out' | 'err'; text: string }[]; exitCode?: number; elapsedMs?: number },
  where = 'snippet',
  seed = where,
): PredictAnswer {
  if (run.exitCode !== 0) {
    const err = run.lines.filter((l) => l.stream === 'err').map((l) => l.text);
    throw new PredictError(`${where}: python3 exited with ${String(run.exitCode)}, so the run can't answer a question${err.length ? `:\n  ${err.join('\n  ')}` : ''}`);
  }
  const lines = run.lines.filter((l) => l.stream === 'out').map((l) => l.text);
  return answerFromPrinted(spec, { lines, totalTime: run.elapsedMs }, where, seed);
}

/** The answer from printed lines (and time): the rules shared by TypeScript and Python questions. */
function answerFromPrinted(spec: PredictSpec, run: PrintedRun, where = 'snippet', seed = where): PredictAnswer {
  const lines = run.lines;

  if (spec.kind === 'order') {
    if (lines.length < 2) throw new PredictError(`${where}: an ordering question needs at least two printed lines; the run printed ${lines.length}`);
    if (lines.length > MAX_ORDER_LINES) {
      throw new PredictError(`${where}: the run printed ${lines.length} lines; an ordering question takes at most ${MAX_ORDER_LINES}`);
    }
    if (new Set(lines).size < 2) throw new PredictError(`${where}: every printed line is the same, so there is no order to predict`);
    return { kind: 'order', lines, shuffled: shuffleLines(lines, seed) };
  }

  const options = [...spec.options];
  if (options.length < 2) throw new PredictError(`${where}: a choice question needs at least two options`);
  if (new Set(options).size !== options.length) throw new PredictError(`${where}: two options have the same text`);
  let matches: (option: string) => boolean;
  let evidence: string;
  switch (spec.answer) {
    case 'output': {
      matches = (o) => sameLines(normaliseLines(o), lines.map((l) => l.trim()).filter((l) => l !== ''));
      evidence = lines.length ? `the run printed:\n${lines.join('\n')}` : 'the run printed nothing';
      break;
    }
    case 'first-line':
    case 'last-line': {
      const line = spec.answer === 'first-line' ? lines[0] : lines.at(-1);
      if (line === undefined) throw new PredictError(`${where}: answer="${spec.answer}" but the run printed nothing`);
      matches = (o) => o.trim() === line.trim();
      evidence = `the ${spec.answer === 'first-line' ? 'first' : 'last'} line printed was ${quote(line)}`;
      break;
    }
    case 'elapsed': {
      const total = run.totalTime;
      if (total === undefined) throw new PredictError(`${where}: answer="elapsed" needs the run's time, and this run has none`);
      for (const o of options) {
        if (parseDuration(o) === undefined) throw new PredictError(`${where}: option ${quote(o)} names no duration (write e.g. "about 1 s" or "500 ms")`);
      }
      matches = (o) => durationMatches(total, parseDuration(o)!);
      evidence = `the run took ${total} ms of (virtual) time`;
      break;
    }
    case 'line-count': {
      for (const o of options) {
        if (parseCount(o) === undefined) throw new PredictError(`${where}: option ${quote(o)} names no count (write e.g. "3 lines" or "none")`);
      }
      matches = (o) => parseCount(o) === lines.length;
      evidence = `the run printed ${lines.length} line${lines.length === 1 ? '' : 's'}`;
      break;
    }
    default:
      throw new PredictError(`${where}: unknown answer rule ${quote(String((spec as { answer: unknown }).answer))} (known: ${CHOICE_RULES.join(', ')})`);
  }
  const hits = options.flatMap((o, i) => (matches(o) ? [i] : []));
  if (hits.length !== 1) {
    const listed = options.map((o) => `    ${quote(o)}`).join('\n');
    throw new PredictError(
      `${where}: answer="${spec.answer}" must match exactly one option, but ${hits.length === 0 ? 'none' : hits.length} match${
        hits.length === 1 ? 'es' : ''
      }: ${evidence}.\n  Options:\n${listed}`,
    );
  }
  return { kind: 'choice', options, correct: hits[0]!, evidence };
}

/**
 * The key a question's saved answer is stored under: the snippet's path
 * without ".ts" (a .py path keeps its extension), plus "#<rule>" for a choice, unless the author gave an id.
 */
export function predictId(src: string, spec: PredictSpec, given?: string): string {
  if (given) return given;
  // A Python snippet keeps its ".py", so it never shares an id with a .ts namesake.
  const base = src.replace(/^\/+/, '').replace(/^content\/snippets\//, '').replace(/\.ts$/, '');
  return spec.kind === 'choice' ? `${base}#${spec.answer}` : base;
}

/** Validates the loose props an MDX tag passes into a PredictSpec; throws a PredictError on nonsense. */
export function predictSpecFromProps(props: { kind?: unknown; answer?: unknown; options?: unknown }, where = 'Predict'): PredictSpec {
  const kind = props.kind ?? (props.options !== undefined ? 'choice' : 'order');
  if (kind === 'order') {
    if (props.options !== undefined || props.answer !== undefined) throw new PredictError(`${where}: kind="order" takes no options or answer: its answer is the printed lines`);
    return { kind: 'order' };
  }
  if (kind !== 'choice') throw new PredictError(`${where}: kind must be "order" or "choice", not ${quote(String(kind))}`);
  const answer = props.answer;
  if (typeof answer !== 'string' || !(CHOICE_RULES as readonly string[]).includes(answer)) {
    throw new PredictError(`${where}: kind="choice" needs answer= one of ${CHOICE_RULES.join(', ')} (what property of the run picks the right option)`);
  }
  const options = props.options;
  if (!Array.isArray(options) || !options.every((o) => typeof o === 'string')) {
    throw new PredictError(`${where}: kind="choice" needs options={["…", "…"]}, an array of strings`);
  }
  return { kind: 'choice', answer: answer as ChoiceRule, options };
}
