/**
 * Facts a check reads off an observation: printed lines, elapsed time, spans
 * that overlapped, work left running. Pure functions; check specs build their
 * verdicts from these.
 */
import type { Json, ScenarioObservation, Span } from '../harness/observation.ts';

/** Every printed line, all streams, in order. */
export function output(o: ScenarioObservation): string[] {
  return o.logs.map((l) => l.text);
}

/** Virtual ms from calling the export until its promise settled; undefined if it never did. */
export function elapsed(o: ScenarioObservation): number | undefined {
  return o.settled.state === 'pending' ? undefined : o.settled.at;
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

/** "300 ms" / "1.5 s": how a learner reads a duration. */
export function ms(value: number | undefined): string {
  if (value === undefined) return 'never';
  const rounded = Math.round(value);
  return rounded >= 1000 && rounded % 100 === 0 ? `${rounded / 1000} s` : `${rounded} ms`;
}

export function quoteList(items: readonly Json[]): string {
  return items.map((i) => JSON.stringify(i)).join(', ');
}

/** "setTimeout 0 ms (×39), fetch https://…": repeated labels counted, not listed. */
export function groupLabels(labels: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
  return [...counts].map(([label, n]) => (n > 1 ? `${label} (×${n})` : label));
}

/**
 * A value the learner's code gave back (its JSON copy, see toJson in
 * harness/learner-values.ts) as Node's console.log would show it: `undefined`
 * (the copy's null), `[Function: brewCoffee]` and `Promise { <pending> }`
 * bare, other strings quoted, lists as `[ 1, 2 ]`.
 */
export function jsonShown(value: Json, nested = false): string {
  if (value === null) return 'undefined';
  if (typeof value === 'string') {
    if (/^\[(?:Async)?Function[:\s]|^Promise \{/.test(value)) return value;
    return nested ? `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'` : JSON.stringify(value);
  }
  if (typeof value !== 'object') return String(value);
  if (Array.isArray(value)) return value.length ? `[ ${value.map((v) => jsonShown(v, true)).join(', ')} ]` : '[]';
  const entries = Object.entries(value);
  if ('$error' in value && entries.length === 1) return String(value.$error);
  return entries.length ? `{ ${entries.map(([k, v]) => `${/^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k)}: ${jsonShown(v, true)}`).join(', ')} }` : '{}';
}
