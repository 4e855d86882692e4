/**
 * Timeline layout: one scenario's Observation → rows, bars, console markers,
 * axis ticks and labels. Pure (no DOM, no
 * `astro:*`), so the same function serves the build-time <Timeline> figures,
 * the browser island and the unit tests (test/timeline-layout.test.ts).
 *
 * Reading rules:
 * - Every operation keeps its own row, rows ordered by start time (then by
 *   the order they were started), so code that waits in turn draws a
 *   staircase and concurrent code draws bars stacked at the same moment.
 * - Harness-owned spans (a heartbeat, AbortSignal.timeout's timer) are the
 *   course's, not the learner's: dropped by default, or kept and marked.
 * - A span still open when the observation was taken runs to the end of the
 *   axis and is marked unfinished; a zero-length span keeps a visible width.
 * - The harness merges back-to-back `blockFor` calls into one CPU span. A
 *   console line printed strictly inside such a span proves a boundary
 *   (nothing can print while the thread is held), so the span is split
 *   there: `work(1); work(2); work(3)` each logging reads as three bars.
 * - Past `maxRows` operations, the rest share one aggregate row drawn as the
 *   union of their intervals, so a run with hundreds of spans stays legible.
 *
 * Geometry: horizontal positions are PERCENT of the chart's width and
 * vertical ones are CSS pixels. The SVG has no viewBox: it is as wide as
 * its container, bars stretch with it and text keeps its size, so a 375 px
 * phone shows the whole time axis at a readable size. Each row's label sits
 * above its bar. Where text goes (beside a bar or inside it) is decided for
 * the narrowest chart (`minChartPx`), so it fits at every width.
 */
import type { LogLine, Mode, ScenarioObservation, Span, SpanKind } from '../harness/observation.ts';

export interface LayoutOptions {
  /**
   * Time the axis spans, in ms. Two layouts given the same value share one
   * scale (see `sharedDomain`). Default: this observation's own extent.
   * Never shorter than the extent, so nothing is cut off.
   */
  domainMs?: number;
  /** Operations drawn on their own row before the rest are aggregated. Default 24. */
  maxRows?: number;
  /** Harness-owned spans: `'drop'` (default) leaves them out, `'mark'` draws them, marked. */
  harness?: 'drop' | 'mark';
  /** The narrowest the chart is drawn, in px, for deciding where text fits. Default 300 (a 375 px phone). */
  minChartPx?: number;
  /** Rows listed in the data table before the rest are summarised. Default 200. */
  maxTableRows?: number;
}

export type BarKind = SpanKind | 'aggregate';

export interface TimelineRow {
  index: number;
  /** Full label, as the table shows it. */
  label: string;
  /** The label shortened to fit the narrowest chart. */
  shortLabel: string;
  /** Where the label goes (percent) and which end of it is anchored there. */
  labelX: number;
  labelAnchor: 'start' | 'end';
  /** Baseline of the label, px. */
  labelY: number;
  kind: BarKind;
  /** Top of the row, px. */
  y: number;
  owner: 'learner' | 'harness';
  /** For the aggregate row: how many operations it stands for. */
  aggregated?: number;
}

export interface TimelineBar {
  row: number;
  kind: BarKind;
  label: string;
  owner: 'learner' | 'harness';
  /** Times in ms; `end` is null when the span never ended. */
  start: number;
  end: number | null;
  /** Left edge and width, percent of the chart's width. */
  x: number;
  width: number;
  /** Top and height, px. */
  y: number;
  height: number;
  /** Never ended: drawn to the end of the axis. */
  unfinished: boolean;
  /** Zero length (or too short to see): drawn as a fixed-width mark at `x`. */
  instant: boolean;
  outcome?: Span['outcome'];
  timer?: number;
  /** The bar's duration, written beside it (x percent, nudged 4 px) when there is room, else undefined. */
  text?: { value: string; x: number; anchor: 'start' | 'end'; inside: boolean };
}

export interface TimelineMarker {
  /** Position of the group (the first line's time), and its x in percent. */
  t: number;
  x: number;
  /** Lines printed so close together that they share one marker. */
  lines: Array<Pick<LogLine, 't' | 'text' | 'stream' | 'phase' | 'timer'>>;
}

export interface TimelineTick {
  t: number;
  /** Percent of the chart's width. */
  x: number;
  label: string;
  anchor: 'start' | 'middle' | 'end';
}

export interface TableRow {
  label: string;
  kind: BarKind;
  kindText: string;
  start: number;
  end: number | null;
  duration: number | null;
  owner: 'learner' | 'harness';
  note?: string;
}

export interface TimelineLayout {
  mode: Mode;
  /** "real time" (Run) or "simulated time" (Check). */
  clockLabel: 'real time' | 'simulated time';
  /** How long the scenario ran (its totalTime), in ms. */
  totalMs: number;
  /** Time the axis spans, in ms (≥ totalMs, and the same across a shared scale). */
  domainMs: number;
  /** Height of the chart, px (its width is its container's). */
  height: number;
  /** The plotting area: x0..x1 in percent, top..bottom in px. */
  plot: { x0: number; x1: number; top: number; bottom: number };
  /** The console lane, above the rows. */
  consoleLane: { y: number; height: number };
  rows: TimelineRow[];
  bars: TimelineBar[];
  markers: TimelineMarker[];
  ticks: TimelineTick[];
  /** Axis baseline y. */
  axisY: number;
  /** Operations drawn (after splitting, before aggregating). */
  operations: number;
  /** Console lines recorded. */
  consoleLines: number;
  table: TableRow[];
  /** Operations left out of the table because of maxTableRows. */
  tableOmitted: number;
  /** "3 operations over 3000 ms of simulated time": the SVG's description starts with it. */
  summary: string;
}

/** Geometry: vertical sizes in px, horizontal insets in percent. */
export const GEOMETRY = {
  top: 4,
  consoleLane: 20,
  rowHeight: 32,
  /** Label baseline, from the top of its row. */
  labelBaseline: 13,
  /** Bar top, from the top of its row. */
  barTop: 17,
  barHeight: 12,
  axis: 28,
  /** Plot insets, percent: room for the first marker and for a count or arrow past the end. */
  insetLeft: 1,
  insetRight: 3,
  /** Bars narrower than this (percent) are drawn as an instant mark. */
  minBar: 0.5,
  /** Markers closer than this (percent) share one. */
  markerMerge: 1.2,
  /** Average width of a character of the 12 px label font, and of the 10.5 px bar text. */
  charPx: 6.6,
  barCharPx: 6,
} as const;

const DEFAULTS = { maxRows: 24, minChartPx: 300, maxTableRows: 200 } as const;

/** Shortest axis drawn: a run where everything happens at 0 ms still gets an axis. */
const MIN_DOMAIN = 10;

const KIND_TEXT: Record<BarKind, string> = {
  timer: 'timer',
  interval: 'interval',
  immediate: 'setImmediate',
  fetch: 'fetch',
  op: 'operation',
  cpu: 'CPU work, blocks the thread',
  user: 'span',
  aggregate: 'several operations',
};

/** Describes a span kind for people, as the legend shows it ("CPU work, blocks the thread"). */
export function kindText(kind: BarKind): string {
  return KIND_TEXT[kind];
}

/** The kind as the data table says it under a label, where "CPU work" is already written. */
function tableKindText(kind: SpanKind): string {
  return kind === 'cpu' ? 'blocks the thread' : KIND_TEXT[kind];
}

/** An operation as drawn: a span, or a piece of a merged CPU span. */
interface Operation {
  label: string;
  kind: SpanKind;
  owner: 'learner' | 'harness';
  start: number;
  end: number | null;
  order: number;
  outcome?: Span['outcome'];
  timer?: number;
}

/**
 * The longest time a timeline draws (about 30 years, in ms). Every time a
 * layout reads goes through `clampTime` first: a non-finite time (learner
 * code can ask for `blockFor(Infinity)`) would otherwise make the axis
 * infinite and the tick loop below never end.
 */
export const MAX_TIME_MS = 1e12;

/** A time the layout can use: finite, from 0 to MAX_TIME_MS (NaN counts as 0). */
export function clampTime(t: number): number {
  if (Number.isNaN(t)) return 0;
  return Math.min(Math.max(t, 0), MAX_TIME_MS);
}

/** The scenario with every time clamped (a copy only when something needed it). */
function clampedTimes(scenario: ScenarioObservation): ScenarioObservation {
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

/** Shortens a label to `max` characters, keeping its start and its end ("fetch https://…/users/1"). */
export function shorten(label: string, max: number): string {
  if (label.length <= max) return label;
  if (max <= 1) return '…';
  const tail = Math.floor((max - 1) / 3);
  return `${label.slice(0, max - 1 - tail)}…${tail ? label.slice(label.length - tail) : ''}`;
}

/**
 * The operations drawn: learner spans (and harness spans when marked), with
 * merged CPU spans split at console lines printed inside them.
 */
export function operationsOf(scenario: ScenarioObservation, harness: 'drop' | 'mark' = 'drop'): Operation[] {
  const ops: Operation[] = [];
  for (const span of scenario.spans) {
    if (span.owner === 'harness' && harness === 'drop') continue;
    const base = {
      label: span.label,
      kind: span.kind,
      owner: span.owner,
      order: span.startSeq ?? span.id,
      ...(span.outcome ? { outcome: span.outcome } : {}),
      ...(span.timer !== undefined ? { timer: span.timer } : {}),
    };
    if (span.kind === 'cpu' && span.end !== null && span.endSeq !== undefined) {
      const cuts = cpuCuts(span, scenario.logs);
      let from = span.start;
      cuts.forEach((cut, i) => {
        ops.push({ ...base, start: from, end: cut, order: base.order + i / (cuts.length + 1) });
        from = cut;
      });
      ops.push({ ...base, start: from, end: span.end, order: base.order + cuts.length / (cuts.length + 1) });
      continue;
    }
    ops.push({ ...base, start: span.start, end: span.end });
  }
  return ops.sort((a, b) => a.start - b.start || a.order - b.order);
}

/** Times inside a CPU span where a console line was printed between two merged blocks. */
function cpuCuts(span: Span, logs: readonly LogLine[]): number[] {
  const cuts = new Set<number>();
  for (const line of logs) {
    if (line.seq > span.startSeq && line.seq < span.endSeq! && line.t > span.start && line.t < span.end!) cuts.add(line.t);
  }
  return [...cuts].sort((a, b) => a - b);
}

/** Lays out one scenario. */
export function layoutTimeline(raw: ScenarioObservation, options: LayoutOptions = {}): TimelineLayout {
  const scenario = clampedTimes(raw);
  const chartPx = Math.max(100, options.minChartPx ?? DEFAULTS.minChartPx);
  /** Percent of the narrowest chart that `px` pixels take. */
  const pct = (px: number) => (px / chartPx) * 100;
  const maxRows = Math.max(1, Math.floor(options.maxRows ?? DEFAULTS.maxRows));
  const maxTableRows = Math.max(0, Math.floor(options.maxTableRows ?? DEFAULTS.maxTableRows));
  const extent = extentOf(scenario);
  const domainMs = Math.max(MIN_DOMAIN, extent, clampTime(options.domainMs ?? 0));
  const totalMs = Number.isFinite(raw.totalTime) ? scenario.totalTime : extent;

  const x0 = GEOMETRY.insetLeft;
  const x1 = 100 - GEOMETRY.insetRight;
  const xOf = (t: number) => round(x0 + (Math.min(Math.max(t, 0), domainMs) / domainMs) * (x1 - x0));

  const ops = operationsOf(scenario, options.harness);
  const own = ops.length <= maxRows ? ops : ops.slice(0, maxRows - 1);
  const rest = ops.length <= maxRows ? [] : ops.slice(maxRows - 1);

  const consoleY = GEOMETRY.top;
  const rowsTop = consoleY + GEOMETRY.consoleLane;
  const maxChars = Math.max(4, Math.floor((chartPx * (x1 - x0)) / 100 / GEOMETRY.charPx));
  const rows: TimelineRow[] = [];
  const bars: TimelineBar[] = [];

  const addRow = (index: number, label: string, kind: BarKind, owner: 'learner' | 'harness', start: number, end: number, extra: Partial<TimelineRow> = {}) => {
    const y = rowsTop + index * GEOMETRY.rowHeight;
    const shortLabel = shorten(label, maxChars);
    const w = pct(shortLabel.length * GEOMETRY.charPx);
    // Beside its bar when it fits there even on the narrowest chart: at its start, else ending at its end, else at the left.
    const place: Pick<TimelineRow, 'labelX' | 'labelAnchor'> =
      xOf(start) + w <= 100
        ? { labelX: xOf(start), labelAnchor: 'start' }
        : xOf(end) - w >= 0
          ? { labelX: xOf(end), labelAnchor: 'end' }
          : { labelX: x0, labelAnchor: 'start' };
    rows.push({ index, label, shortLabel, ...place, labelY: y + GEOMETRY.labelBaseline, kind, y, owner, ...extra });
    return y;
  };

  own.forEach((op, index) => {
    const label = rowLabel(op);
    const y = addRow(index, label, op.kind, op.owner, op.start, op.end ?? domainMs);
    bars.push(placeBar(op, index, y, label));
  });

  if (rest.length) {
    const index = own.length;
    const label = `${rest.length} more operations`;
    const pieces = union(rest, domainMs, domainMs / 400);
    const y = addRow(index, label, 'aggregate', 'learner', pieces[0]?.start ?? 0, pieces.at(-1)?.end ?? domainMs, { aggregated: rest.length });
    for (const piece of pieces) {
      bars.push(placeBar({ ...piece, label, kind: 'cpu', owner: 'learner', order: 0 }, index, y, label, 'aggregate'));
    }
  }

  const rowsBottom = rowsTop + rows.length * GEOMETRY.rowHeight;
  const axisY = rowsBottom + 4;
  const height = axisY + GEOMETRY.axis;

  const times = tickTimes(domainMs);
  const ticks = times.map((t, i): TimelineTick => ({
    t,
    x: xOf(t),
    label: tickLabel(t, domainMs),
    // The first label starts at its tick and the last one ends at it (when it is at the very end), so neither is cut off.
    anchor: i === 0 ? 'start' : i === times.length - 1 && xOf(t) + pct(20) > 100 ? 'end' : 'middle',
  }));
  const markers = markerGroups(scenario.logs, xOf);

  const table: TableRow[] = ops.slice(0, maxTableRows).map((op) => ({
    label: rowLabel(op),
    kind: op.kind,
    kindText: tableKindText(op.kind),
    start: op.start,
    end: op.end,
    duration: op.end === null ? null : op.end - op.start,
    owner: op.owner,
    ...noteOf(op),
  }));

  const clockLabel = scenario.mode === 'run' ? 'real time' : 'simulated time';
  const n = ops.length;
  const lines = scenario.logs.length;
  const summary =
    `${n} ${n === 1 ? 'operation' : 'operations'} over ${formatMs(totalMs)} of ${clockLabel}` +
    (lines ? `, ${lines} console ${lines === 1 ? 'line' : 'lines'}` : '');

  return {
    mode: scenario.mode,
    clockLabel,
    totalMs,
    domainMs,
    height,
    plot: { x0, x1, top: consoleY, bottom: rowsBottom },
    consoleLane: { y: consoleY, height: GEOMETRY.consoleLane },
    rows,
    bars,
    markers,
    ticks,
    axisY,
    operations: n,
    consoleLines: lines,
    table,
    tableOmitted: Math.max(0, n - maxTableRows),
    summary,
  };

  function placeBar(op: Operation, row: number, y: number, label: string, kind: BarKind = op.kind): TimelineBar {
    const unfinished = op.end === null;
    const end = op.end ?? domainMs;
    const x = xOf(op.start);
    const w = round(xOf(end) - x);
    const instant = !unfinished && w < GEOMETRY.minBar;
    const bar: TimelineBar = {
      row,
      kind,
      label,
      owner: op.owner,
      start: op.start,
      end: op.end,
      x,
      y: y + GEOMETRY.barTop,
      width: w,
      height: GEOMETRY.barHeight,
      unfinished,
      instant,
      ...(op.outcome ? { outcome: op.outcome } : {}),
      ...(op.timer !== undefined ? { timer: op.timer } : {}),
    };
    if (kind !== 'aggregate' && !instant) {
      const value = unfinished ? 'still running' : formatMs(end - op.start);
      const textWidth = pct(value.length * GEOMETRY.barCharPx + 8);
      if (!unfinished && x + w + textWidth <= 100) {
        bar.text = { value, x: round(x + w), anchor: 'start', inside: false };
      } else if (w >= textWidth) {
        bar.text = { value, x: round(x + w), anchor: 'end', inside: true };
      }
    }
    return bar;
  }
}

/** Two layouts on one time scale, with the same geometry: for "sequential vs concurrent", "yours vs the solution". */
export function layoutPair(
  a: ScenarioObservation,
  b: ScenarioObservation,
  options: LayoutOptions = {},
): [TimelineLayout, TimelineLayout] {
  const domainMs = Math.max(sharedDomain([a, b]), options.domainMs ?? 0);
  return [layoutTimeline(a, { ...options, domainMs }), layoutTimeline(b, { ...options, domainMs })];
}

function rowLabel(op: Operation): string {
  return op.timer !== undefined ? `${op.label} #${op.timer}` : op.label;
}

function noteOf(op: Operation): { note?: string } {
  const notes: string[] = [];
  if (op.end === null) notes.push('still running when the run ended');
  if (op.outcome === 'cleared') notes.push('cleared before it fired');
  if (op.outcome === 'aborted') notes.push('aborted');
  if (op.outcome === 'error') notes.push('failed');
  if (op.owner === 'harness') notes.push("the course's own timer");
  return notes.length ? { note: notes.join('; ') } : {};
}

/**
 * The union of many operations' intervals, as few pieces as the scale can
 * show: overlapping pieces merge, and so do gaps narrower than a unit.
 */
function union(ops: readonly Operation[], domainMs: number, gap: number): Array<{ start: number; end: number | null }> {
  const sorted = ops
    .map((op) => ({ start: op.start, end: op.end ?? domainMs, open: op.end === null }))
    .sort((a, b) => a.start - b.start);
  const out: Array<{ start: number; end: number; open: boolean }> = [];
  for (const piece of sorted) {
    const last = out.at(-1);
    if (last && piece.start <= last.end + gap) {
      if (piece.end >= last.end) {
        last.end = piece.end;
        last.open = last.open || piece.open;
      }
    } else out.push({ ...piece });
  }
  return out.map((p) => ({ start: p.start, end: p.open ? null : p.end }));
}

function markerGroups(logs: readonly LogLine[], xOf: (t: number) => number): TimelineMarker[] {
  const groups: TimelineMarker[] = [];
  const sorted = [...logs].sort((a, b) => a.t - b.t || a.seq - b.seq);
  for (const line of sorted) {
    const x = xOf(line.t);
    const last = groups.at(-1);
    const entry = { t: line.t, text: line.text, stream: line.stream, phase: line.phase, ...(line.timer !== undefined ? { timer: line.timer } : {}) };
    if (last && x - last.x < GEOMETRY.markerMerge) last.lines.push(entry);
    else groups.push({ t: line.t, x, lines: [entry] });
  }
  return groups;
}

const round = (n: number) => Math.round(n * 100) / 100;
