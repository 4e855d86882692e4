/**
 * What a timeline draws one row per: the operations of a scenario (learner
 * spans, harness spans when marked, merged CPU spans split at console lines),
 * and how each is labelled and described in the chart and the data table.
 */
import type { LogLine, ScenarioObservation, Span, SpanKind } from '../harness/observation.ts';
import type { BarKind } from './model.ts';

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
export function tableKindText(kind: SpanKind): string {
  return kind === 'cpu' ? 'blocks the thread' : KIND_TEXT[kind];
}

/** An operation as drawn: a span, or a piece of a merged CPU span. */
export interface Operation {
  label: string;
  kind: SpanKind;
  owner: 'learner' | 'harness';
  start: number;
  end: number | null;
  order: number;
  outcome?: Span['outcome'];
  timer?: number;
}

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

/** A row's label: the span's, with the timer id when it has one ("setTimeout #3"). */
export function rowLabel(op: Operation): string {
  return op.timer !== undefined ? `${op.label} #${op.timer}` : op.label;
}

/** What the data table adds under a label: unfinished, cleared, aborted, failed, the course's own. */
export function noteOf(op: Operation): { note?: string } {
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
export function union(ops: readonly Operation[], domainMs: number, gap: number): Array<{ start: number; end: number | null }> {
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

