/**
 * Checks most exercises share, written against one case at a time (the kit
 * loops over the cases and names the case in the message).
 */
import type { Json, ScenarioObservation, Span } from '../harness/observation.ts';
import { elapsed, groupLabels, ms, output, quoteList, unhandledRejections } from '../judge/facts.ts';
import { mismatch, type CaseCheck } from './define-exercise.ts';

/** The output is exactly these lines, in this order. */
export function outputIs<C>(expected: readonly string[] | ((c: C) => readonly string[]), title = 'Prints exactly the expected output'): CaseCheck<C> {
  return {
    id: 'output',
    title,
    verify: (o, c) => {
      const want = typeof expected === 'function' ? [...expected(c)] : [...expected];
      const actual = output(o);
      if (JSON.stringify(actual) === JSON.stringify(want)) return undefined;
      return mismatch(`The output doesn't match. ${outputDifference(o, want, actual)}`, want, actual);
    },
  };
}

/** What differs between the lines expected and those printed, in a sentence. */
function outputDifference(o: ScenarioObservation, expected: readonly string[], actual: readonly string[]): string {
  const missing = expected.filter((l) => !actual.includes(l));
  const extra = actual.filter((l) => !expected.includes(l));
  let why: string;
  if (actual.length === 0) why = 'Your code printed nothing.';
  else if (missing.length === 0 && extra.length === 0) why = 'The right lines, in the wrong order.';
  else if (missing.length) why = `Missing: ${quoteList(missing)}.${extra.length ? ` Not expected: ${quoteList(extra)}.` : ''}`;
  else why = `Not expected: ${quoteList(extra)}.`;
  if (o.outputTruncated) why += ` (Output was cut after ${o.logs.length} lines.)`;
  return why;
}

/** Nothing the learner started is still pending when their promise settles. */
export function nothingFloating(exportName = 'main'): CaseCheck<unknown> {
  return {
    id: 'nothing-floating',
    title: `Nothing is left running when ${exportName} finishes`,
    verify: (o) => {
      if (!o.pendingAtSettle.length) return undefined;
      const labels = groupLabels(o.pendingAtSettle.map((p) => p.label));
      const head = `When ${exportName} finished at ${ms(elapsed(o))}, this work was still running: ${labels.join(', ')}.`;
      const failed = failureBeforeSettling(o);
      if (failed) {
        // Observed: the pending work had started before an operation failed, and the export stopped waiting right then.
        return (
          `${head} It had been started before ${failed.label} failed at ${ms(failed.end ?? undefined)}, and ${exportName} stopped waiting right then. ` +
          'Were they awaited together with `Promise.all`? It rejects at the first failure without waiting for the others; `Promise.allSettled` (or a catch on each promise) waits for every one.'
        );
      }
      return `${head} Something was started but never awaited: is an \`await\` missing, or a promise from forEach/map that nobody waited for?`;
    },
  };
}

/**
 * The learner's operation that failed just before the export settled, when
 * everything still pending at that moment had started before it failed; or
 * undefined. "Just before" is the same instant: a rejection passing up
 * through awaits takes no simulated time.
 */
function failureBeforeSettling(o: ScenarioObservation): Span | undefined {
  if (o.settled.state === 'pending') return undefined;
  const { at, seq } = o.settled;
  const failed = o.spans.find((s) => s.owner === 'learner' && s.outcome === 'error' && s.end === at && (s.endSeq ?? Infinity) < seq);
  if (!failed) return undefined;
  const pending = new Set(o.pendingAtSettle.map((p) => p.id));
  const startedBefore = o.spans.filter((s) => pending.has(s.id)).every((s) => s.startSeq < (failed.endSeq ?? 0));
  return startedBefore ? failed : undefined;
}

/** No promise rejected without a handler, at any moment of the run. */
export function noUnhandledRejections(advice = 'Every promise that can reject needs someone to await it (inside try/catch) or a .catch().'): CaseCheck<unknown> {
  return {
    id: 'no-unhandled-rejection',
    title: 'No promise rejection goes unhandled',
    verify: (o) => {
      const found = unhandledRejections(o);
      if (!found.length) return undefined;
      return `${found[0].message} at ${ms(found[0].t)}. In Node this crashes the program. ${advice}`;
    },
  };
}

/**
 * What a value the learner's code returned is, in words, without quoting it
 * (it may carry seeded text): `unknownString` names a string the check
 * doesn't recognise.
 */
export function kindOf(value: Json, unknownString: string): string {
  const fn = functionName(value);
  if (fn !== undefined) return fn ? `the function \`${fn}\` itself (\`${value}\`), not a call of it` : `a function (\`${value}\`)`;
  if (typeof value === 'string' && value.startsWith('Promise {')) return `a Promise that was never awaited (\`${value}\`)`;
  if (value === null) return 'undefined';
  if (value === '') return 'an empty string';
  if (typeof value === 'string') return unknownString;
  return `a ${Array.isArray(value) ? 'list' : typeof value}`;
}

/**
 * The name of a function the learner's code returned, as the harness copies
 * it (`[Function: brewCoffee]`); '' for an anonymous one; undefined if the
 * value is not a function's copy.
 */
export function functionName(value: Json): string | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^\[(?:Async)?Function(?:: ([\w$]+)| \(anonymous\))\]$/.exec(value);
  return match ? (match[1] ?? '') : undefined;
}
