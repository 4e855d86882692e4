/**
 * The shapes a timeline layout is made of (rows, bars, console markers, axis
 * ticks, the data table) and the fixed geometry they are placed with. The
 * layout (layout.ts) produces them; render.ts and the island draw them.
 */
import type { LogLine, Mode, Span, SpanKind } from '../harness/observation.ts';

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
  /** The printed text beside the dot, shortened to the room before the next dot; absent when there is none. */
  label?: string;
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
  /** Where the exercise's function (`main`, `countPrimes`…) returned or rejected: a line across the rows. */
  returned?: { t: number; x: number; label: string };
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
