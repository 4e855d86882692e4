/**
 * Facts a check reads off an observation: printed lines, elapsed time, spans
 * that overlapped, work left running. Pure functions; check specs build their
 * verdicts from these.
 */
import type { Json, ScenarioObservation, Span } from '../harness/observation.ts';
import type { Check, CheckOutcome } from '../exercise/spec.ts';

/** Every printed line, all streams, in order. */
export function output(o: ScenarioObservation): string[] {
  return o.logs.map((l) => l.text);
}

/** Virtual ms from calling the export until its promise settled; undefined if it never did. */
export function elapsed(o: ScenarioObservation): number | undefined {
  return o.settled.state === 'pending' ? undefined : o.settled.at;
}

/** The time a line was first printed, or undefined. */
export function printedAt(o: ScenarioObservation, text: string): number | undefined {
  return o.logs.find((l) => l.text === text)?.t;
}

/** Index in the log of the first line equal to `text`, or -1. */
export function lineIndex(o: ScenarioObservation, text: string): number {
  return o.logs.findIndex((l) => l.text === text);
}

export function spansLabelled(o: ScenarioObservation, label: string | RegExp): Span[] {
  return o.spans.filter((s) => (typeof label === 'string' ? s.label === label : label.test(s.label)));
}

/** The learner's timers (setTimeout, sleep, timers/promises), not the harness's. */
export function learnerTimers(o: ScenarioObservation): Span[] {
  return o.spans.filter((s) => s.owner === 'learner' && (s.kind === 'timer' || s.kind === 'interval'));
}

/** True when every span started before any of them ended: they all overlapped at one moment. */
export function allOverlap(spans: readonly Span[]): boolean {
  if (spans.length < 2) return true;
  const lastStart = Math.max(...spans.map((s) => s.start));
  const firstEnd = Math.min(...spans.map((s) => s.end ?? Infinity));
  return lastStart < firstEnd;
}

/** The most spans open at one moment (a span ending at t doesn't overlap one starting at t). */
export function peakConcurrency(spans: readonly Span[]): number {
  const events: Array<[number, number]> = [];
  for (const s of spans) {
    events.push([s.start, 1]);
    events.push([s.end ?? Infinity, -1]);
  }
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let open = 0;
  let peak = 0;
  for (const [, delta] of events) {
    open += delta;
    peak = Math.max(peak, open);
  }
  return peak;
}

export function unhandledRejections(o: ScenarioObservation) {
  return o.errors.filter((e) => e.kind === 'unhandled-rejection');
}

export function uncaughtErrors(o: ScenarioObservation) {
  return o.errors.filter((e) => e.kind === 'uncaught');
}

/** "300 ms" / "1.5 s": how a learner reads a duration. */
export function ms(value: number | undefined): string {
  if (value === undefined) return 'never';
  const rounded = Math.round(value);
  return rounded >= 1000 && rounded % 100 === 0 ? `${rounded / 1000} s` : `${rounded} ms`;
}

export function quoteList(items: readonly Json[]): string {
  return items.map((i) => JSON.stringify(i)).join(', ');
}

export function pass(message?: string): CheckOutcome {
  return message ? { passed: true, message } : { passed: true };
}

export function fail(message: string, expected?: Json, actual?: Json): CheckOutcome {
  const outcome: CheckOutcome = { passed: false, message };
  if (expected !== undefined) outcome.expected = expected;
  if (actual !== undefined) outcome.actual = actual;
  return outcome;
}

// ── checks most exercises share ────────────────────────────────────────────

/** The output is exactly these lines, in this order. */
export function outputIs(scenario: string, expected: string[], title = 'Prints exactly the expected output'): Check {
  return {
    id: 'output',
    title,
    scenarios: [scenario],
    verify: (ctx) => {
      const o = ctx.scenario(scenario);
      const actual = output(o);
      if (JSON.stringify(actual) === JSON.stringify(expected)) return pass();
      const missing = expected.filter((l) => !actual.includes(l));
      const extra = actual.filter((l) => !expected.includes(l));
      let why: string;
      if (actual.length === 0) why = 'Your code printed nothing.';
      else if (missing.length === 0 && extra.length === 0) why = 'The right lines, in the wrong order.';
      else if (missing.length) why = `Missing: ${quoteList(missing)}.${extra.length ? ` Not expected: ${quoteList(extra)}.` : ''}`;
      else why = `Not expected: ${quoteList(extra)}.`;
      if (o.outputTruncated) why += ` (Output was cut after ${o.logs.length} lines.)`;
      return fail(`The output doesn't match. ${why}`, expected, actual);
    },
  };
}

/** Nothing the learner started is still pending when their promise settles. */
export function nothingFloating(scenarios: string[], exportName = 'main'): Check {
  return {
    id: 'nothing-floating',
    title: `Nothing is left running when ${exportName} finishes`,
    scenarios,
    verify: (ctx) => {
      for (const name of scenarios) {
        const o = ctx.scenario(name);
        if (o.pendingAtSettle.length) {
          const labels = groupLabels(o.pendingAtSettle.map((p) => p.label));
          const where = scenarios.length > 1 ? `In the "${name}" case, when` : 'When';
          return fail(
            `${where} ${exportName} finished at ${ms(elapsed(o))}, this work was still running: ${labels.join(', ')}. ` +
              'Something was started but never awaited: a missing `await`, or a promise from forEach/map that nobody waited for.',
          );
        }
      }
      return pass();
    },
  };
}

/** No promise rejected without a handler, at any moment of the run. */
export function noUnhandledRejections(scenarios: string[]): Check {
  return {
    id: 'no-unhandled-rejection',
    title: 'No promise rejection goes unhandled',
    scenarios,
    verify: (ctx) => {
      for (const name of scenarios) {
        const found = unhandledRejections(ctx.scenario(name));
        if (found.length) {
          const where = scenarios.length > 1 ? ` (in the "${name}" case)` : '';
          return fail(
            `${found[0].message} at ${ms(found[0].t)}${where}. In Node this crashes the program. ` +
              'Every promise that can reject needs someone to await it (inside try/catch) or a .catch().',
          );
        }
      }
      return pass();
    },
  };
}

/** "setTimeout 0 ms (×39), fetch https://…": repeated labels counted, not listed. */
export function groupLabels(labels: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
  return [...counts].map(([label, n]) => (n > 1 ? `${label} (×${n})` : label));
}
