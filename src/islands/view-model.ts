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

export type OutputKind = 'log' | 'error' | 'warn' | 'info' | 'note' | 'heading';

export interface OutputRow {
  kind: OutputKind;
  text: string;
  /** When it was printed, in ms since the run started (absent for notes). */
  t?: number;
}

import { formatTime } from './output-row.ts';
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

/**
 * Everything the Output region shows once a run is over: each scenario's
 * printed lines, then what stopped it or how main ended, and the note the
 * harness leaves when output was capped. Scenario headings appear only when
 * a Check ran more than one case.
 */
export function outputRows(observation: Observation): OutputRow[] {
  const rows: OutputRow[] = [];
  if (observation.compileError) {
    rows.push({ kind: 'error', text: compileErrorText(observation.compileError) });
    return rows;
  }
  const many = observation.scenarios.length > 1;
  for (const scenario of observation.scenarios) {
    if (many) rows.push({ kind: 'heading', text: `Case "${scenario.scenario}"` });
    rows.push(...scenarioRows(scenario));
  }
  if (observation.scenarios.length === 0) rows.push({ kind: 'note', text: 'Nothing ran.' });
  return rows;
}

export function compileErrorText(error: LearnerError): string {
  const where = /\bline \d+/.test(error.message) ? '' : whereInCode(error);
  const what = error.kind === 'syntax' ? 'Syntax error' : 'Could not load your code';
  return `${what}: ${error.message}${where}`;
}

function scenarioRows(scenario: ScenarioObservation): OutputRow[] {
  const rows: OutputRow[] = scenario.logs.map(logRow);
  if (scenario.outputTruncated) {
    rows.push({
      kind: 'note',
      text: `Output was cut: only the first ${groupDigits(scenario.logs.length)} lines are shown${
        scenario.droppedLines ? ` (${groupDigits(scenario.droppedLines)} more were dropped)` : ''
      }, and very long lines were shortened.`,
    });
  }
  for (const error of scenario.errors) rows.push({ kind: 'error', text: describeError(error), t: error.t });
  // An uncaught throw in a callback, or a refused sandbox call, leaves the run going, so how main ended is still worth telling.
  const cutShort = scenario.errors.some((e) => FATAL_ERROR_KINDS.has(e.kind) && e.kind !== 'uncaught' && e.kind !== 'sandbox');
  if (!cutShort) {
    const s = scenario.settled;
    if (s.state === 'fulfilled') rows.push({ kind: 'note', text: `Finished after ${formatTime(s.at)}.` });
    else if (s.state === 'rejected') {
      const where = whereInCode(s.error);
      const name = NON_ERROR_NAMES.has(s.error.name) ? '' : `${s.error.name}: `;
      rows.push({ kind: 'error', text: describeError({ kind: 'uncaught', message: `main failed: ${name}${s.error.message}${where}` }), t: s.at });
    } else if (!scenario.errors.length) {
      rows.push({ kind: 'note', text: 'main never finished: it was still waiting on something when the run ended.' });
    }
  }
  return rows;
}

export interface CheckItem {
  id: string;
  title: string;
  passed: boolean;
  /** "Passed" or "Failed": said in words, never by colour alone. */
  status: 'Passed' | 'Failed';
  message: string;
  diff?: DiffRow[];
  /** Expected and actual values, when a check gave them but no line diff. */
  values?: { expected: string; actual: string };
}

export interface DiffRow {
  op: DiffLine['op'];
  /** The sign shown in the gutter. */
  sign: '−' | '+' | ' ';
  /** Words for a screen reader (and the tooltip): what the row means. */
  meaning: 'expected, not printed' | 'printed, not expected' | 'as expected';
  text: string;
}

export function diffRows(diff: readonly DiffLine[]): DiffRow[] {
  return diff.map((d) =>
    d.op === '-'
      ? { op: d.op, sign: '−', meaning: 'expected, not printed', text: d.text }
      : d.op === '+'
        ? { op: d.op, sign: '+', meaning: 'printed, not expected', text: d.text }
        : { op: d.op, sign: ' ', meaning: 'as expected', text: d.text },
  );
}

export function checkItem(result: CheckResult): CheckItem {
  const item: CheckItem = {
    id: result.id,
    title: result.title,
    passed: result.passed,
    status: result.passed ? 'Passed' : 'Failed',
    message: result.message,
  };
  if (!result.passed) {
    if (result.diff?.length) item.diff = diffRows(result.diff);
    else if (result.expected !== undefined || result.actual !== undefined) {
      item.values = { expected: JSON.stringify(result.expected), actual: JSON.stringify(result.actual) };
    }
  }
  return item;
}

export interface VerdictView {
  passed: boolean;
  /** "All checks passed" or "2 of 6 checks failed". */
  summary: string;
  items: CheckItem[];
}

export function verdictView(verdict: Verdict): VerdictView {
  return { passed: verdict.passed, summary: verdict.summary, items: verdict.checks.map(checkItem) };
}

/** The first compile error or crash with a position in the learner's file: it becomes an editor diagnostic. */
export function errorPosition(observation: Observation): { line: number; column: number; message: string; severity: 'error' } | undefined {
  const e = observation.compileError;
  if (e?.line) return { line: e.line, column: e.column ?? 1, message: compileErrorText(e), severity: 'error' };
  for (const scenario of observation.scenarios) {
    const error = scenario.errors.find((x) => x.line && (x.kind === 'uncaught' || x.kind === 'unhandled-rejection'));
    if (error?.line) return { line: error.line, column: error.column ?? 1, message: describeError(error), severity: 'error' };
    const s = scenario.settled;
    if (s.state === 'rejected' && s.error.line) {
      return { line: s.error.line, column: s.error.column ?? 1, message: `main failed: ${s.error.name}: ${s.error.message}`, severity: 'error' };
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
export function runSummary(observation: Observation): string {
  if (observation.compileError) return 'your code has a syntax error.';
  const scenario = observation.scenarios[0];
  if (!scenario) return 'nothing ran.';
  const lines = scenario.logs.length;
  const error = scenario.errors[0];
  const printed = `${lines} ${lines === 1 ? 'line' : 'lines'} printed`;
  if (error) return `${printed}, then an error: ${error.message}`;
  if (scenario.settled.state === 'rejected') return `${printed}, then main failed.`;
  return `${printed}.`;
}
