/**
 * Time on a timeline's axis: clamping hostile times to something drawable,
 * the extent and shared domain of scenarios, tick steps and labels, and the
 * "1000 ms" duration text every part of the timeline writes.
 */
import type { ScenarioObservation } from '../harness/observation.ts';

/** Shortest axis drawn: a run where everything happens at 0 ms still gets an axis. */
export const MIN_DOMAIN = 10;

/**
 * The longest time a timeline draws (about 30 years, in ms). Every time a
 * layout reads goes through `clampTime` first: a non-finite time (learner
 * code can ask for `blockFor(Infinity)`) would otherwise make the axis
 * infinite and the tick loop below never end.
 */
const MAX_TIME_MS = 1e12;

/** A time the layout can use: finite, from 0 to MAX_TIME_MS (NaN counts as 0). */
export function clampTime(t: number): number {
  if (Number.isNaN(t)) return 0;
  return Math.min(Math.max(t, 0), MAX_TIME_MS);
}


/** The scenario with every time clamped (a copy only when something needed it). */
export function clampedTimes(scenario: ScenarioObservation): ScenarioObservation {
  const ok = (t: number) => clampTime(t) === t;
  const fine =
    ok(scenario.totalTime) &&
    scenario.logs.every((l) => ok(l.t)) &&
    scenario.spans.every((s) => ok(s.start) && (s.end === null || ok(s.end)));
  if (fine) return scenario;
  return {
    ...scenario,
    totalTime: clampTime(scenario.totalTime),
    logs: scenario.logs.map((l) => ({ ...l, t: clampTime(l.t) })),
    spans: scenario.spans.map((s) => ({ ...s, start: clampTime(s.start), end: s.end === null ? null : clampTime(s.end) })),
  };
}

/** The time a layout of this scenario needs on its axis. */
export function extentOf(raw: ScenarioObservation): number {
  const scenario = clampedTimes(raw);
  let max = scenario.totalTime;
  for (const span of scenario.spans) max = Math.max(max, span.start, span.end ?? 0);
  for (const line of scenario.logs) max = Math.max(max, line.t);
  return Math.max(max, 0);
}

/** One domain for several scenarios, so their layouts share a time scale. */
export function sharedDomain(scenarios: readonly ScenarioObservation[]): number {
  return Math.max(MIN_DOMAIN, ...scenarios.map(extentOf));
}

/**
 * Axis ticks: the smallest step of 1, 2 or 5 × 10^n that gives at most 8
 * ticks from 0 to the domain. Since neighbouring steps differ by at most
 * 2.5×, that always leaves at least 4.
 */
export function tickStep(domainMs: number): number {
  // A floor well above the smallest double: dividing that by 8 gives 0, and log10(0) never ends the loop.
  const domain = Math.max(clampTime(domainMs), 1e-3);
  let exponent = Math.floor(Math.log10(domain / 8));
  for (;;) {
    for (const m of [1, 2, 5]) {
      const step = m * 10 ** exponent;
      if (Math.floor(domain / step + 1e-9) + 1 <= 8) return clean(step);
    }
    exponent++;
  }
}

/** Tick times from 0 to the domain. */
export function tickTimes(domainMs: number): number[] {
  const step = tickStep(domainMs);
  const count = Math.floor(clampTime(domainMs) / step + 1e-9);
  return Array.from({ length: count + 1 }, (_, i) => clean(i * step));
}

/** "0", "500 ms", "1.5 s": seconds once the axis reaches a second. */
export function tickLabel(t: number, domainMs: number): string {
  if (t === 0) return '0';
  if (domainMs >= 1000) return `${clean(t / 1000)} s`;
  return `${clean(t)} ms`;
}

/** "1000 ms", "3.4 ms", "1003 ms": whole ms from 10 ms up, one decimal below. */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '? ms';
  const abs = Math.abs(ms);
  const value = abs >= 10 || Number.isInteger(ms) ? Math.round(ms) : Math.round(ms * 10) / 10;
  return `${value} ms`;
}

const clean = (n: number) => Number(n.toPrecision(12));
