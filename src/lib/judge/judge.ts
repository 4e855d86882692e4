/**
 * The judge: (check spec, Observation, trusted seed) → Verdict. Pure: it
 * never runs learner code, so nothing the learner wrote can change what it
 * decides. The Observation was built beside learner code, so the judge reads
 * it only as a record of what happened: the cases and every expected value
 * are rebuilt from the spec and the seed its caller computed (the hash of
 * the code), never taken from `observation.params` or `observation.seed`.
 */
import { FATAL_ERROR_KINDS, NON_ERROR_NAMES, type Observation, type ScenarioObservation } from '../harness/observation.ts';
import type { Check, CheckOutcome, CheckSpec } from '../exercise/spec.ts';
import { summaryOf, type CheckResult, type Verdict } from './verdict.ts';
import { lineDiff } from './diff.ts';
import { whereInCode } from '../harness/where-in-code.ts';
import { groupDigits } from '../count.ts';

const RUNS_CHECK_ID = 'runs';
const RUNS_CHECK_TITLE = 'Your code runs to the end';

interface JudgeOptions {
  /** The seed the caller computed for this code (never the one the Observation carries). */
  seed: number;
}

export function judge(
  spec: Pick<CheckSpec, 'checks' | 'scenarios'> & Partial<Pick<CheckSpec, 'exports' | 'mustFulfil'>>,
  observation: Observation,
  options: JudgeOptions,
): Verdict {
  const foreign = unexpectedScenarios(spec, observation, options.seed);
  if (foreign) return refused(observation, foreign);
  const broken = brokenScenarios(observation);
  const exportNames = Object.keys(spec.exports ?? {});
  const mustFulfil = exportNames.includes('main') ? 'main' : spec.mustFulfil ? exportNames[0] : undefined;
  const runs = runsCheck(observation, broken, mustFulfil);
  const results: CheckResult[] = [];
  for (const check of spec.checks) results.push(runCheck(check, observation, broken, options.seed));
  const checks = [runs, ...actionableFirst(withoutRepeats([runs, ...results]).slice(1))];
  return {
    exercise: observation.exercise,
    passed: checks.every((c) => c.passed),
    checks,
    summary: summaryOf(checks),
  };
}

/**
 * The order a learner reads: "runs" first (it says whether anything else
 * could be checked), then the checks that failed, in the exercise's order,
 * then those skipped because of them, then those that passed. A stable
 * sort, so within each group the exercise's order is kept.
 */
function actionableFirst(results: readonly CheckResult[]): CheckResult[] {
  const rank = (c: CheckResult) => (c.passed ? 2 : c.skippedBecause ? 1 : 0);
  return [...results].sort((a, b) => rank(a) - rank(b));
}

/**
 * A message already given by an earlier failing check is not repeated: the
 * later check points at the earlier one instead, and counts as skipped
 * because of it (the learner has one thing to fix, not two).
 */
function withoutRepeats(results: readonly CheckResult[]): CheckResult[] {
  const said = new Map<string, CheckResult>();
  return results.map((r) => {
    if (r.passed || r.skippedBecause) return r;
    const first = said.get(r.message);
    if (!first) {
      said.set(r.message, r);
      return r;
    }
    return { id: r.id, title: r.title, passed: false, skippedBecause: first.id, message: `Not checked apart: the same problem as “${first.title}”.` };
  });
}

/**
 * The Observation must hold the cases this seed gives, in order, with none
 * added: a run may stop early (a runaway), so a prefix is fine. Anything else
 * was not made by the harness for this code.
 */
function unexpectedScenarios(spec: Pick<CheckSpec, 'scenarios'>, observation: Observation, seed: number): string | undefined {
  if (observation.mode !== 'check') return `it is a Run, not a Check`;
  let expected: string[];
  try {
    expected = spec.scenarios(seed).map((s) => s.name);
  } catch (error) {
    return `the exercise's cases failed to build (${String(error)})`;
  }
  const got = observation.scenarios.map((s) => s.scenario);
  if (got.length > expected.length || got.some((name, i) => name !== expected[i])) {
    return `it holds the cases ${JSON.stringify(got)}, where this code's cases are ${JSON.stringify(expected)}`;
  }
  return undefined;
}

function refused(observation: Observation, why: string): Verdict {
  return {
    exercise: observation.exercise,
    passed: false,
    checks: [{ id: RUNS_CHECK_ID, title: RUNS_CHECK_TITLE, passed: false, message: `The run sent back something the checker can't accept: ${why}. Check again; if it keeps happening, this is a bug in the course.` }],
    summary: '1 of 1 checks failed',
  };
}

/** Why a scenario stopped, in a learner's words, and the engine's own text behind it when the words are a teacher's. */
interface Stop {
  message: string;
  detail?: string;
}

/** Why each scenario that didn't run to the end stopped. */
function brokenScenarios(observation: Observation): Map<string, Stop> {
  const broken = new Map<string, Stop>();
  for (const scenario of observation.scenarios) {
    const fatal = scenario.errors.find((e) => FATAL_ERROR_KINDS.has(e.kind));
    if (fatal) {
      broken.set(scenario.scenario, fatal.hint ? { message: `${fatal.line ? `Line ${fatal.line}: ` : ''}${fatal.hint}`, detail: fatal.message } : { message: fatal.message });
    } else if (scenario.settled.state === 'pending') broken.set(scenario.scenario, { message: neverFinished(scenario) });
    else if (scenario.settled.state === 'rejected' && isCrash(scenario.settled.error.name)) {
      const e = scenario.settled.error;
      const where = whereInCode(e);
      const what = BUG_ERRORS.has(e.name) ? `${e.name}: ${e.message}` : e.message;
      broken.set(scenario.scenario, e.hint ? { message: `Your code crashed${where}. ${e.hint}`, detail: what } : { message: `Your code crashed: ${what}${where}.` });
    }
  }
  return broken;
}

/**
 * Errors that mean a bug in the learner's code rather than a failure the
 * exercise may expect (a 404, a timeout): these, and throws of non-Errors.
 */
const BUG_ERRORS: ReadonlySet<string> = new Set(['TypeError', 'ReferenceError', 'RangeError', 'SyntaxError', 'EvalError', 'URIError']);

function isCrash(name: string): boolean {
  return BUG_ERRORS.has(name) || NON_ERROR_NAMES.has(name);
}

function neverFinished(scenario: ScenarioObservation): string {
  const pending = scenario.pendingAtSettle.map((p) => p.label);
  return pending.length
    ? `main never finished: it was still waiting when the run ended, with this work pending: ${pending.join(', ')}.`
    : 'main never finished: it is waiting on a promise that nothing will ever resolve (nothing else was pending). Did you forget to call resolve, or await something that never settles?';
}

/** `mustFulfil`: the export whose rejection is a failure of the program (`main`, or one the exercise says never rejects). */
function runsCheck(observation: Observation, broken: Map<string, Stop>, mustFulfil: string | undefined): CheckResult {
  const base = { id: RUNS_CHECK_ID, title: RUNS_CHECK_TITLE };
  if (observation.compileError) {
    const e = observation.compileError;
    const where = whereInCode(e);
    const prefix = e.kind === 'syntax' ? 'Your code has a syntax error' : 'Your code could not be loaded';
    return { ...base, passed: false, message: `${prefix}: ${e.message}${e.message.includes('line') ? '' : where}` };
  }
  if (observation.scenarios.length === 0) {
    return { ...base, passed: false, message: 'Nothing ran: the run was stopped before any scenario started.' };
  }
  const many = observation.scenarios.length > 1;
  for (const scenario of observation.scenarios) {
    const stop = broken.get(scenario.scenario);
    if (stop) {
      const result: CheckResult = { ...base, passed: false, message: many ? `In the "${scenario.scenario}" case: ${stop.message}` : stop.message };
      if (stop.detail) result.detail = stop.detail;
      return result;
    }
  }
  // `main` is a program: an error escaping it is the program failing, whatever the error (other exports may be meant to reject).
  const rejected = mustFulfil ? observation.scenarios.find((s) => s.settled.state === 'rejected') : undefined;
  if (rejected && rejected.settled.state === 'rejected') {
    const e = rejected.settled.error;
    const what = NON_ERROR_NAMES.has(e.name) ? e.message : `${e.name}: ${e.message}`;
    const message = `\`${mustFulfil}\` failed: ${what}${whereInCode(e)}. Nothing caught this error, so it escaped \`${mustFulfil}\`${mustFulfil === 'main' ? ' and the program stopped there' : ''}.`;
    return { ...base, passed: false, message: many ? `In the "${rejected.scenario}" case: ${message}` : message };
  }
  const cut = observation.scenarios.find((s) => s.outputTruncated);
  const note = cut
    ? ` Its output was cut: only the first ${groupDigits(cut.logs.length)} lines were kept${cut.droppedLines ? ` and ${groupDigits(cut.droppedLines)} more were dropped` : ''}, and very long lines were shortened.`
    : '';
  return { ...base, passed: true, message: `It ran to the end without crashing.${note}` };
}

function runCheck(check: Check, observation: Observation, broken: Map<string, Stop>, seed: number): CheckResult {
  const base = { id: check.id, title: check.title };
  const skipped = (message: string): CheckResult => ({ ...base, passed: false, skippedBecause: RUNS_CHECK_ID, message });
  if (observation.compileError) return skipped('Not checked: fix the error above first.');
  for (const name of check.scenarios) {
    if (!observation.scenarios.some((s) => s.scenario === name)) {
      return skipped(`Not checked: the "${name}" case never ran, because an earlier one was stopped.`);
    }
    if (broken.has(name)) return skipped('Not checked: your code did not run to the end (see above).');
  }
  let outcome: CheckOutcome;
  try {
    outcome = check.verify({
      observation,
      seed,
      scenario(name) {
        const found = observation.scenarios.find((s) => s.scenario === name);
        if (!found) throw new Error(`no scenario named ${name}`);
        return found;
      },
    });
  } catch (error) {
    return { ...base, passed: false, message: `The checker itself failed (${String(error)}); this is a bug in the course, not in your code.` };
  }
  if (outcome.passed) return { ...base, passed: true, message: outcome.message ?? 'Passed.' };
  const result: CheckResult = { ...base, passed: false, message: outcome.message };
  if (outcome.skippedBecause) result.skippedBecause = outcome.skippedBecause;
  if (outcome.detail) result.detail = outcome.detail;
  if (outcome.expected !== undefined) result.expected = outcome.expected;
  if (outcome.actual !== undefined) result.actual = outcome.actual;
  if (isLines(outcome.expected) && isLines(outcome.actual)) result.diff = lineDiff(outcome.expected, outcome.actual);
  return result;
}

function isLines(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}
