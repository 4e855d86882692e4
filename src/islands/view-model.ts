/**
 * Pure view models for the exercise island: what the Output and Check
 * results regions say for an Observation or a Verdict. No DOM here, so it is
 * unit-tested in Node (test/island-view-model.test.ts).
 */
import {
  FATAL_ERROR_KINDS,
  NON_ERROR_NAMES,
  type LearnerError,
  type LogLine,
  type Observation,
  type ScenarioObservation,
} from '../lib/harness/observation.ts';
import type { CheckResult, Verdict } from '../lib/judge/verdict.ts';
import type { DiffLine } from '../lib/judge/diff.ts';

/** `status` is the run's own last word (how it ended): drawn and announced as a status, never like printed output. */
export type OutputKind = 'log' | 'error' | 'warn' | 'info' | 'note' | 'heading' | 'status';

export interface OutputRow {
  kind: OutputKind;
  text: string;
  /** When it was printed, in ms since the run started (absent for notes). */
  t?: number;
}

import { formatTime } from './output-row.ts';
import { inlineParts, type InlinePart } from '../lib/inline-code.ts';

export { inlineParts, plainText, type InlinePart } from '../lib/inline-code.ts';
import { whereInCode } from '../lib/harness/where-in-code.ts';
import { groupDigits } from '../lib/count.ts';

export { formatTime };

export function logRow(line: LogLine): OutputRow {
  const kind: OutputKind = line.stream === 'error' ? 'error' : line.stream === 'warn' ? 'warn' : line.stream === 'info' ? 'info' : 'log';
  return { kind, text: line.text, t: line.t };
}

/** Names a worker has no binding for: learner code reaching for the page it can't see. */
const PAGE_ONLY = /\b(localStorage|sessionStorage|indexedDB|document|window|parent|top|opener|cookieStore|XMLHttpRequest)\b is not defined/;

/** A learner-facing sentence for an error, with a word on the sandbox when it was an escape attempt. */
export function describeError(error: LearnerError): string {
  let text = error.message;
  if (PAGE_ONLY.test(text) || /Content Security Policy|Failed to fetch|NetworkError/i.test(text)) {
    text += ' Code here runs in a sandbox with no page, no storage, no cookies and no network: only the course helpers and simulated fetch.';
  }
  return text;
}

/** What the run called: the exercise's exported function (`main`, `fetchAll`…), or nothing for a free-standing program. */
export interface OutputOptions {
  entry?: string;
}

/** The exported function a check spec's cases call: the first one declared as a function. */
export function entryOf(exports: Readonly<Record<string, string>> | undefined): string | undefined {
  return Object.entries(exports ?? {}).find(([, kind]) => kind === 'function')?.[0];
}

/**
 * Everything the Output region shows once a run is over: each scenario's
 * printed lines and errors in the order they happened, the note the harness
 * leaves when output was capped, then a status line saying how the run
 * ended. Scenario headings appear only when a Check ran more than one case.
 */
export function outputRows(observation: Observation, options: OutputOptions = {}): OutputRow[] {
  const rows: OutputRow[] = [];
  if (observation.compileError) {
    rows.push({ kind: 'error', text: compileErrorText(observation.compileError) });
    return rows;
  }
  const many = observation.scenarios.length > 1;
  for (const scenario of observation.scenarios) {
    if (many) rows.push({ kind: 'heading', text: `Case "${scenario.scenario}"` });
    // The case note is for exercises (they have an entry); a lesson's program, Python's included, has one case.
    rows.push(...scenarioRows(scenario, options.entry, !many && observation.mode === 'check' && options.entry !== undefined));
  }
  if (observation.scenarios.length === 0) rows.push({ kind: 'note', text: 'Nothing ran.' });
  return rows;
}

export function compileErrorText(error: LearnerError): string {
  const where = /\bline \d+/.test(error.message) ? '' : whereInCode(error);
  const what = error.kind === 'syntax' ? 'Syntax error' : 'Could not load your code';
  return `${what}: ${error.message}${where}`;
}

/**
 * Printed lines and errors merged by time: an error goes after every line
 * printed at or before its moment (lines keep their own order). Without
 * this, an unhandled rejection at 0.11 s was listed after a line of 0.31 s.
 */
function inTimeOrder(lines: readonly OutputRow[], errors: readonly OutputRow[]): OutputRow[] {
  const out: OutputRow[] = [];
  let i = 0;
  const timed = errors.filter((e) => e.t !== undefined).sort((a, b) => a.t! - b.t!);
  for (const error of timed) {
    while (i < lines.length && (lines[i]!.t ?? 0) <= error.t!) out.push(lines[i++]!);
    out.push(error);
  }
  out.push(...lines.slice(i), ...errors.filter((e) => e.t === undefined));
  return out;
}

function scenarioRows(scenario: ScenarioObservation, entry: string | undefined, checkCase: boolean): OutputRow[] {
  const lines: OutputRow[] = scenario.logs.map(logRow);
  const errors: OutputRow[] = scenario.errors.map((error) => ({ kind: 'error', text: describeError(error), t: error.t }));
  const endings: OutputRow[] = [];
  // An uncaught throw in a callback, or a refused sandbox call, leaves the run going, so how main ended is still worth telling.
  const cutShort = scenario.errors.some((e) => FATAL_ERROR_KINDS.has(e.kind) && e.kind !== 'uncaught' && e.kind !== 'sandbox');
  const who = entry ? `${entry}()` : 'The program';
  if (!cutShort) {
    const s = scenario.settled;
    // Check runs its own case, which may differ from Run's example on purpose (so a guessed delay is caught): say so where the times are.
    const caseNote = checkCase ? ` on Check's case "${scenario.scenario}" (Run uses the task's example, so times may differ)` : '';
    if (s.state === 'fulfilled') endings.push({ kind: 'status', text: `${who} finished after ${formatTime(s.at)}${caseNote}.`, t: s.at });
    else if (s.state === 'rejected') {
      const where = whereInCode(s.error);
      const name = NON_ERROR_NAMES.has(s.error.name) ? '' : `${s.error.name}: `;
      if (entry === undefined || entry === 'main') {
        errors.push({ kind: 'error', text: describeError({ kind: 'uncaught', message: `main failed: ${name}${s.error.message}${where}` }), t: s.at });
      } else {
        // fetchAll, runAll, withTimeout… may reject on purpose: say what happened, in no alarm colour.
        endings.push({ kind: 'status', text: `${who} rejected after ${formatTime(s.at)} with ${name}${s.error.message}${where}.`, t: s.at });
      }
    } else if (!scenario.errors.length) {
      endings.push({ kind: 'status', text: `${who} never finished: it was still waiting on something when the run ended.`, t: scenario.totalTime });
    }
  }
  const rows = inTimeOrder(lines, errors);
  if (scenario.outputTruncated) {
    rows.push({
      kind: 'note',
      text: `Output was cut: only the first ${groupDigits(scenario.logs.length)} lines are shown${
        scenario.droppedLines ? ` (${groupDigits(scenario.droppedLines)} more were dropped)` : ''
      }, and very long lines were shortened.`,
    });
  }
  return [...rows, ...endings];
}

export interface CheckItem {
  id: string;
  title: string;
  passed: boolean;
  /** "Passed", "Failed" or "Skipped": said in words, never by colour alone. */
  status: 'Passed' | 'Failed' | 'Skipped';
  message: string;
  /** The message as text and `code` pieces, for drawing code spans as <code>. */
  parts: InlinePart[];
  diff?: DiffRow[];
  /** Expected and actual values, when a check gave them but no line diff. */
  values?: { expected: string; actual: string };
  /** The runtime's raw error, shown behind "Original error". */
  detail?: string;
  /** Checks that were not run because this one failed, drawn under it. */
  skipped?: CheckItem[];
}

export interface DiffRow {
  op: DiffLine['op'];
  /** The sign shown in the gutter. */
  sign: '−' | '+' | ' ';
  /** Words for a screen reader (and the tooltip): what the row means. */
  meaning: DiffMeaning;
  text: string;
}

export type DiffMeaning =
  | 'expected, not printed'
  | 'printed, not expected'
  | 'as expected'
  | 'expected here, printed later'
  | 'expected here, printed earlier'
  | 'printed here, later than expected'
  | 'printed here, earlier than expected';

export function diffRows(diff: readonly DiffLine[]): DiffRow[] {
  return diff.map((d): DiffRow => {
    if (d.op === '-') {
      const meaning = d.moved ? (`expected here, printed ${d.moved}` as const) : 'expected, not printed';
      return { op: d.op, sign: '−', meaning, text: d.text };
    }
    if (d.op === '+') {
      const meaning = d.moved ? (`printed here, ${d.moved} than expected` as const) : 'printed, not expected';
      return { op: d.op, sign: '+', meaning, text: d.text };
    }
    return { op: d.op, sign: ' ', meaning: 'as expected', text: d.text };
  });
}

/** The legend above a diff: only the kinds of row it has. */
export function diffLegend(rows: readonly DiffRow[]): string {
  const has = (predicate: (row: DiffRow) => boolean) => rows.some(predicate);
  const bits: string[] = [];
  if (has((r) => r.op === '-' && r.meaning === 'expected, not printed')) bits.push('− expected but not printed');
  if (has((r) => r.op === '+' && r.meaning === 'printed, not expected')) bits.push('+ printed but not expected');
  if (has((r) => r.meaning.startsWith('expected here') || r.meaning.startsWith('printed here'))) bits.push('− where a line was expected and + where it was printed, when it came at another time');
  return `Expected output against what was printed${bits.length ? `: ${bits.join('; ')}` : ''}.`;
}

export function checkItem(result: CheckResult): CheckItem {
  const status = result.skippedBecause ? 'Skipped' : result.passed ? 'Passed' : 'Failed';
  const item: CheckItem = {
    id: result.id,
    title: result.title,
    passed: result.passed,
    status,
    message: result.message,
    parts: inlineParts(result.message),
  };
  if (!result.passed && status === 'Failed') {
    if (result.diff?.length) item.diff = diffRows(result.diff);
    else if (result.expected !== undefined || result.actual !== undefined) {
      item.values = { expected: JSON.stringify(result.expected), actual: JSON.stringify(result.actual) };
    }
  }
  if (result.detail && result.detail !== result.message) item.detail = result.detail;
  return item;
}

/** A duration in a message: "1.50 s", "812 ms", "about 1 s". */
const DURATION = /\b\d+(?:\.\d+)?\s?(?:ms|s)\b/;

/**
 * Whether a failed check is about timing (when things ran, how long they
 * took): then the Timeline shows what it is about, so it opens by itself.
 * Read from what the check says, as the verdict carries no other sign: a
 * failing message that names a duration.
 */
export function readsTiming(verdict: Verdict): boolean {
  return verdict.checks.some((c) => !c.passed && !c.skippedBecause && DURATION.test(c.message));
}

export interface VerdictView {
  passed: boolean;
  /** "All checks passed" or "2 of 6 checks failed". */
  summary: string;
  items: CheckItem[];
}

/**
 * The verdict as the results list draws it: checks in the judge's order,
 * except that a check skipped because another failed sits under that one
 * (a skip whose cause isn't in the list stays where it was).
 */
export function verdictView(verdict: Verdict): VerdictView {
  const items = verdict.checks.map(checkItem);
  const byId = new Map(verdict.checks.map((result, index) => [result.id, { result, item: items[index]! }]));
  // A skip caused by a skip belongs under the check that failed first.
  const rootOf = (result: CheckResult): CheckItem | undefined => {
    const seen = new Set<string>();
    let cause = result.skippedBecause;
    while (cause && !seen.has(cause)) {
      seen.add(cause);
      const found = byId.get(cause);
      if (!found) return undefined;
      if (!found.result.skippedBecause) return found.item;
      cause = found.result.skippedBecause;
    }
    return undefined;
  };
  const top: CheckItem[] = [];
  verdict.checks.forEach((result, index) => {
    const item = items[index]!;
    const stopper = result.skippedBecause ? rootOf(result) : undefined;
    if (stopper && stopper !== item) (stopper.skipped ??= []).push(item);
    else top.push(item);
  });
  return { passed: verdict.passed, summary: verdict.summary, items: top };
}

/** The first compile error or crash with a position in the learner's file: it becomes an editor diagnostic. */
/** Errors the engine throws for a mistake in the code, as opposed to a rejection the code chose. */
const ENGINE_ERRORS = new Set(['TypeError', 'ReferenceError', 'RangeError', 'SyntaxError']);

export function errorPosition(observation: Observation, entry?: string): { line: number; column: number; message: string; severity: 'error' } | undefined {
  const e = observation.compileError;
  if (e?.line) return { line: e.line, column: e.column ?? 1, message: compileErrorText(e), severity: 'error' };
  for (const scenario of observation.scenarios) {
    const error = scenario.errors.find((x) => x.line && (x.kind === 'uncaught' || x.kind === 'unhandled-rejection'));
    if (error?.line) return { line: error.line, column: error.column ?? 1, message: describeError(error), severity: 'error' };
    const s = scenario.settled;
    if (s.state === 'rejected' && s.error.line && (entry === undefined || entry === 'main' || ENGINE_ERRORS.has(s.error.name))) {
      const who = entry === undefined || entry === 'main' ? 'main failed' : `${entry}() rejected`;
      return { line: s.error.line, column: s.error.column ?? 1, message: `${who}: ${s.error.name}: ${s.error.message}`, severity: 'error' };
    }
  }
  return undefined;
}

/** Converts a 1-based line and column into a document offset, clamped into the document. */
export function offsetOf(lines: readonly string[], line: number, column: number): { from: number; to: number } {
  const l = Math.min(Math.max(line, 1), Math.max(lines.length, 1));
  let from = 0;
  for (let i = 0; i < l - 1; i++) from += lines[i]!.length + 1;
  const text = lines[l - 1] ?? '';
  const col = Math.min(Math.max(column - 1, 0), text.length);
  // Mark to the end of the token (or at least one character), so the squiggle is visible.
  const rest = /^[\w$]+/.exec(text.slice(col))?.[0].length ?? 1;
  return { from: from + col, to: from + Math.min(col + Math.max(rest, 1), text.length || col) };
}

// In its own module so the controls, which load with the island, don't pull these view models in.
export { shortcuts } from './shortcuts.ts';

/** What a screen reader hears when Run finishes: how much was printed, and how it ended. */
export function runSummary(observation: Observation, entry?: string): string {
  if (observation.compileError) return 'your code has a syntax error.';
  const scenario = observation.scenarios[0];
  if (!scenario) return 'nothing ran.';
  const lines = scenario.logs.length;
  const error = scenario.errors[0];
  const printed = `${lines} ${lines === 1 ? 'line' : 'lines'} printed`;
  if (error) return `${printed}, then an error: ${error.message}`;
  const s = scenario.settled;
  const who = entry ? `${entry}()` : 'the program';
  if (s.state === 'rejected') return entry === undefined || entry === 'main' ? `${printed}, then main failed.` : `${printed}; ${who} rejected after ${formatTime(s.at)}.`;
  if (s.state === 'fulfilled') return `${printed}; ${who} finished after ${formatTime(s.at)}.`;
  return `${printed}.`;
}
