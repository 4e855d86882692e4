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
import type { LogLine, ScenarioObservation } from '../harness/observation.ts';
import { clampedTimes, clampTime, extentOf, formatMs, MIN_DOMAIN, sharedDomain, tickLabel, tickTimes } from './axis.ts';
import {
  GEOMETRY,
  type BarKind,
  type TableRow,
  type TimelineBar,
  type TimelineLayout,
  type TimelineMarker,
  type TimelineRow,
  type TimelineTick,
} from './model.ts';
import { noteOf, operationsOf, rowLabel, shorten, tableKindText, union, type Operation } from './operations.ts';

export type { TimelineLayout } from './model.ts';

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
  /** The exported function the run called (`main`, `countPrimes`…): a marker shows where it returned. */
  entry?: string;
}

/**
 * 240 px: the chart's width on a 375 px phone once the page, the workbench
 * and the panel have taken their padding (text placed for 300 px was cut:
 * "300 ms" read "00 ms").
 */
const DEFAULTS = { maxRows: 24, minChartPx: 240, maxTableRows: 200 } as const;

/** Room under the axis labels for "main() returned", so it never sits on a bar. */
const RETURNED_STRIP = 16;

/** The course's heartbeat (dont-block-the-loop): its beats get a lane of their own, so a starved loop shows as a gap. */
const HEARTBEAT = /heartbeat/i;

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

  // The heartbeat is the course's, not the learner's, so it isn't an operation; but when a check reads it, its
  // beats are what the learner needs to see: one lane, a tick per beat.
  const beats = options.harness === 'mark' ? [] : scenario.spans.filter((s) => s.owner === 'harness' && HEARTBEAT.test(s.label) && s.end !== null);
  const heartbeatRow = beats.length ? own.length + (rest.length ? 1 : 0) : undefined;

  if (rest.length) {
    const index = own.length;
    const label = `${rest.length} more operations`;
    const pieces = union(rest, domainMs, domainMs / 400);
    const y = addRow(index, label, 'aggregate', 'learner', pieces[0]?.start ?? 0, pieces.at(-1)?.end ?? domainMs, { aggregated: rest.length });
    for (const piece of pieces) {
      bars.push(placeBar({ ...piece, label, kind: 'cpu', owner: 'learner', order: 0 }, index, y, label, 'aggregate'));
    }
  }

  if (heartbeatRow !== undefined) {
    const label = 'heartbeat (course timer)';
    const y = addRow(heartbeatRow, label, 'timer', 'harness', 0, domainMs);
    for (const beat of beats) {
      bars.push({ row: heartbeatRow, kind: 'timer', label: 'heartbeat', owner: 'harness', start: beat.end!, end: beat.end!, x: xOf(beat.end!), y: y + GEOMETRY.barTop, width: 0, height: GEOMETRY.barHeight, unfinished: false, instant: true });
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
  const markers = labelMarkers(markerGroups(scenario.logs, xOf), chartPx / 100);
  const settled = scenario.settled;
  const returned =
    options.entry && settled.state !== 'pending'
      ? { t: settled.at, x: xOf(settled.at), label: `${options.entry}() ${settled.state === 'fulfilled' ? 'returned' : 'rejected'}` }
      : undefined;

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

  // Run and Check both use the simulated clock; only a Run fetching from a real server says otherwise.
  const clockLabel = scenario.clock === 'real' ? 'real time' : 'simulated time';
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
    ...(returned ? { returned, height: height + RETURNED_STRIP } : {}),
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

/**
 * A label beside each dot: the first printed line, shortened to the room
 * before the next dot (on the narrowest chart), and left off when fewer than
 * four characters fit. `pxPerPct` converts the plot's percent to pixels.
 */
function labelMarkers(markers: TimelineMarker[], pxPerPct: number): TimelineMarker[] {
  markers.forEach((marker, i) => {
    const next = markers[i + 1]?.x ?? 100;
    // 6 px from the dot to the text, and a little air before the next dot.
    const roomPx = (next - marker.x) * pxPerPct - 10;
    const chars = Math.floor(roomPx / GEOMETRY.barCharPx);
    const more = marker.lines.length > 1 ? ` +${marker.lines.length - 1}` : '';
    if (chars - more.length < 4) return;
    marker.label = shorten(marker.lines[0]!.text, chars - more.length) + more;
  });
  return markers;
}

const round = (n: number) => Math.round(n * 100) / 100;
