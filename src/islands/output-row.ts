/**
 * The few DOM pieces the workbench draws before (or without) a run's
 * results: the "Running…" placeholder and a single output line, which also
 * says when the course itself failed, e.g. when the results chunk couldn't
 * load. Kept apart from results-view.ts so they load with the island while
 * the rest waits for the first run. Text only, through textContent.
 */
import type { OutputRow } from './view-model.ts';

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** "Running…", "Nothing was printed.": a muted line in an empty region. */
export function placeholder(text: string): HTMLElement {
  return el('p', 'wb-placeholder', text);
}

/** "0.00 s", "1.50 s": the time column of the output (and the run's status line). */
export function formatTime(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

/** One output line: its time (when it has one) and its text; the run's status line is a status, apart from the output. */
export function outputRow(row: OutputRow): HTMLElement {
  if (row.kind === 'status') {
    const status = el('p', 'wb-run-status', row.text);
    status.setAttribute('role', 'status');
    return status;
  }
  const div = el('div', `wb-line wb-${row.kind}`);
  const time = el('span', 'wb-t', row.t === undefined ? undefined : formatTime(row.t));
  div.append(time, el('span', 'wb-text', row.text));
  return div;
}
