/**
 * The workbench's Output and Check results, drawn from the pure view models
 * in view-model.ts. Every piece is built as DOM nodes with textContent:
 * what learner code printed, threw or was told never becomes markup.
 */
import type { Observation } from '../lib/harness/observation.ts';
import { diffLegend, outputRows, type InlinePart, type OutputOptions, type OutputRow, type VerdictView, type CheckItem } from './view-model.ts';
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

/** Everything a finished run printed, or a note that it printed nothing. */
export function showOutput(output: HTMLElement, observation: Observation, options: OutputOptions = {}): void {
  output.replaceChildren();
  const rows = outputRows(observation, options);
  if (!rows.some((row) => row.kind !== 'status')) output.append(placeholder('Nothing was printed.'));
  appendRows(output, rows);
}

function diffBlock(diff: NonNullable<CheckItem['diff']>): HTMLElement[] {
  const legend = el('p', 'wb-diff-legend', diffLegend(diff));
  const block = el('div', 'wb-diff');
  block.setAttribute('role', 'group');
  block.setAttribute('aria-label', 'Output difference');
  for (const row of diff) {
    const moved = row.meaning.startsWith('expected here') || row.meaning.startsWith('printed here');
    const line = el('div', `wb-diff-row ${row.op === '-' ? 'wb-missing' : row.op === '+' ? 'wb-extra' : 'wb-same'}${moved ? ' wb-moved' : ''}`);
    const sign = el('span', 'wb-sign', row.sign);
    sign.setAttribute('aria-hidden', 'true');
    line.title = row.meaning;
    line.append(sign, el('span', 'wb-sr', `${row.meaning}: `), el('span', undefined, row.text));
    // Seen as well as heard: a line that came at another time says when.
    if (moved) {
      const note = el('span', 'wb-diff-note', row.op === '-' ? `(printed ${row.meaning.endsWith('later') ? 'later' : 'earlier'})` : `(${row.meaning.endsWith('later than expected') ? 'later' : 'earlier'} than expected)`);
      note.setAttribute('aria-hidden', 'true');
      line.append(note);
    }
    block.append(line);
  }
  return [legend, block];
}

function valuesBlock(values: NonNullable<CheckItem['values']>): HTMLElement {
  const dl = el('dl', 'wb-values');
  for (const [term, value] of [['Expected', values.expected], ['Got', values.actual]] as const) dl.append(el('dt', undefined, term), el('dd', undefined, value));
  return dl;
}

/** Text with its `code` spans as <code> elements: node by node, so nothing in it is read as markup. */
export function inlineNodes(parts: readonly InlinePart[]): Node[] {
  return parts.map((part) => (part.code ? el('code', undefined, part.text) : document.createTextNode(part.text)));
}

function originalError(detail: string): HTMLElement {
  const details = el('details', 'wb-detail');
  details.append(el('summary', undefined, 'Original error'), el('pre', undefined, detail));
  return details;
}

const CLASS_OF: Record<CheckItem['status'], string> = { Passed: 'wb-passed', Failed: 'wb-failed', Skipped: 'wb-skipped' };

function checkItem(item: CheckItem): HTMLElement {
  const li = el('li', `wb-check ${CLASS_OF[item.status]}`);
  li.dataset.check = item.id;
  const head = el('div', 'wb-check-head');
  head.append(el('span', 'wb-badge', item.status), document.createTextNode(' '), el('span', 'wb-check-title', item.title));
  const message = el('p', 'wb-check-message');
  message.append(...inlineNodes(item.parts));
  li.append(head);
  if (item.message) li.append(message);
  if (item.diff) li.append(...diffBlock(item.diff));
  else if (item.values) li.append(valuesBlock(item.values));
  if (item.detail) li.append(originalError(item.detail));
  if (item.skipped?.length) {
    const note = el('p', 'wb-skipped-note', `Not run until this passes (${item.skipped.length === 1 ? '1 check' : `${item.skipped.length} checks`}):`);
    const nested = el('ul', 'wb-checks wb-skipped-list');
    nested.append(...item.skipped.map(checkItem));
    li.append(note, nested);
  }
  return li;
}

/** The verdict: its summary, then each check with its message and, when it failed, the diff or the values. */
export function showVerdict(results: HTMLElement, view: VerdictView): void {
  const summary = el('p', `wb-summary ${view.passed ? 'wb-pass' : 'wb-fail'}`, view.summary);
  const list = el('ul', 'wb-checks');
  list.append(...view.items.map(checkItem));
  results.replaceChildren(summary, list);
}
