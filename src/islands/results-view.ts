/**
 * The workbench's Output and Check results, drawn from the pure view models
 * in view-model.ts. Every piece is built as DOM nodes with textContent:
 * what learner code printed, threw or was told never becomes markup.
 */
import type { Observation } from '../lib/harness/observation.ts';
import { outputRows, type OutputRow, type VerdictView, type CheckItem } from './view-model.ts';
import { el, outputRow, placeholder } from './output-row.ts';

export { outputRow };

/** Appends lines, keeping the view pinned to the bottom if it was there. */
export function appendRows(output: HTMLElement, rows: readonly OutputRow[]): void {
  const stick = output.scrollTop + output.clientHeight >= output.scrollHeight - 8;
  const fragment = document.createDocumentFragment();
  for (const row of rows) fragment.append(outputRow(row));
  output.append(fragment);
  if (stick) output.scrollTop = output.scrollHeight;
}

/**
 * Lines streamed while a run goes, drawn once per frame: appending a batch
 * per worker message made the browser lay out the whole panel for every
 * message (reading the scroll position forces it), hundreds of times in a
 * flood. `stop()` drops what is queued, before the final output replaces it.
 */
export function rowStream(output: HTMLElement): { push(rows: readonly OutputRow[]): void; stop(): void } {
  let queued: OutputRow[] = [];
  let frame: number | undefined;
  let first = true;
  const flush = () => {
    frame = undefined;
    if (first) output.replaceChildren();
    first = false;
    const rows = queued;
    queued = [];
    appendRows(output, rows);
  };
  return {
    push(rows) {
      queued.push(...rows);
      frame ??= requestAnimationFrame(flush);
    },
    stop() {
      if (frame !== undefined) cancelAnimationFrame(frame);
      frame = undefined;
      queued = [];
    },
  };
}

/** Everything a finished run printed, or a note that it printed nothing. */
export function showOutput(output: HTMLElement, observation: Observation): void {
  output.replaceChildren();
  const rows = outputRows(observation);
  if (!rows.length) output.append(placeholder('Nothing was printed.'));
  appendRows(output, rows);
}

function diffBlock(diff: NonNullable<CheckItem['diff']>): HTMLElement[] {
  const legend = el('p', 'wb-diff-legend', 'Expected output against what was printed: − expected but not printed, + printed but not expected.');
  const block = el('div', 'wb-diff');
  block.setAttribute('role', 'group');
  block.setAttribute('aria-label', 'Output difference');
  for (const row of diff) {
    const line = el('div', `wb-diff-row ${row.op === '-' ? 'wb-missing' : row.op === '+' ? 'wb-extra' : 'wb-same'}`);
    const sign = el('span', 'wb-sign', row.sign);
    sign.setAttribute('aria-hidden', 'true');
    line.append(sign, el('span', 'wb-sr', `${row.meaning}: `), el('span', undefined, row.text));
    block.append(line);
  }
  return [legend, block];
}

function valuesBlock(values: NonNullable<CheckItem['values']>): HTMLElement {
  const dl = el('dl', 'wb-values');
  for (const [term, value] of [['Expected', values.expected], ['Got', values.actual]] as const) dl.append(el('dt', undefined, term), el('dd', undefined, value));
  return dl;
}

function checkItem(item: CheckItem): HTMLElement {
  const li = el('li', `wb-check ${item.passed ? 'wb-passed' : 'wb-failed'}`);
  li.dataset.check = item.id;
  const head = el('div', 'wb-check-head');
  head.append(el('span', 'wb-badge', item.status), document.createTextNode(' '), el('span', 'wb-check-title', item.title));
  li.append(head, el('p', 'wb-check-message', item.message));
  if (item.diff) li.append(...diffBlock(item.diff));
  else if (item.values) li.append(valuesBlock(item.values));
  return li;
}

/** The verdict: its summary, then each check with its message and, when it failed, the diff or the values. */
export function showVerdict(results: HTMLElement, view: VerdictView): void {
  const summary = el('p', `wb-summary ${view.passed ? 'wb-pass' : 'wb-fail'}`, view.summary);
  const list = el('ul', 'wb-checks');
  list.append(...view.items.map(checkItem));
  results.replaceChildren(summary, list);
}
