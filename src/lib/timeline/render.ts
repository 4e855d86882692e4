/**
 * Timeline layout → HTML (an inline SVG chart and its data tables), as a
 * string. Pure, so the build-time components (src/components/timeline/*)
 * and the browser island (src/islands/timeline.ts) emit the very same
 * markup from the very same layout. Styles: src/components/timeline/timeline.css
 * (classes `tl-*`, colours from CSS variables, so both themes work).
 *
 * Accessibility: the SVG has role="img", the name "Timeline" (its <title>)
 * and a <desc> that says what it shows; a table named "Timeline data"
 * holds one row per operation (label, start, end, duration), and a
 * "Console lines" table the printed lines with their times.
 */
import type { EventLoopStep } from './steps.ts';
import { formatMs, GEOMETRY, kindText, type BarKind, type TimelineLayout } from './layout.ts';

export interface RenderOptions {
  /** Prefix for the ids inside (title, desc, caption): unique on the page. */
  idPrefix: string;
  /** Shown above the chart, and prefixed to the description ("Sequential: 3 operations …"). */
  heading?: string;
  /** Open the "Timeline data" disclosure from the start. Default false. */
  open?: boolean;
}

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const num = (n: number) => String(Math.round(n * 100) / 100);

/** Sentence-case clock label: "Simulated time". */
const clockTitle = (layout: TimelineLayout) => layout.clockLabel[0]!.toUpperCase() + layout.clockLabel.slice(1);

/** The SVG's description: the summary, then the first few operations. */
export function describeTimeline(layout: TimelineLayout, heading?: string): string {
  const shown = layout.table.slice(0, 6).map((row) => {
    const end = row.end === null ? 'still running at the end' : `to ${formatMs(row.end)}`;
    return `${row.label} from ${formatMs(row.start)} ${end}`;
  });
  const more = layout.operations > shown.length ? `; and ${layout.operations - shown.length} more` : '';
  const list = shown.length ? `: ${shown.join('; ')}${more}` : '';
  return `${heading ? `${heading}: ` : ''}${layout.summary}${list}. The table "Timeline data" lists every operation.`;
}

/** The chart alone: an inline SVG, as wide as its container (x in percent, y in px). */
export function timelineSvg(layout: TimelineLayout, options: RenderOptions): string {
  const id = options.idPrefix;
  const { plot, height } = layout;
  const pc = (n: number) => `${num(n)}%`;
  const out: string[] = [];
  out.push(
    `<svg class="tl-svg" role="img" aria-labelledby="${id}-title" aria-describedby="${id}-desc" width="100%" height="${num(height)}" data-domain="${layout.domainMs}" data-total="${layout.totalMs}" data-mode="${layout.mode}">`,
    `<title id="${id}-title">Timeline</title>`,
    `<desc id="${id}-desc">${esc(describeTimeline(layout, options.heading))}</desc>`,
  );

  // Row stripes, then grid lines at the ticks, so bars sit on top of both.
  out.push('<g class="tl-stripes">');
  for (const row of layout.rows) {
    if (row.index % 2 === 0) out.push(`<rect x="0" y="${num(row.y)}" width="100%" height="${GEOMETRY.rowHeight}"></rect>`);
  }
  out.push('</g><g class="tl-grid">');
  for (const tick of layout.ticks) {
    out.push(`<line x1="${pc(tick.x)}" x2="${pc(tick.x)}" y1="${num(plot.top)}" y2="${num(layout.axisY)}"></line>`);
  }
  out.push('</g>');

  out.push('<g class="tl-labels">');
  for (const row of layout.rows) {
    const cls = `tl-row-label${row.owner === 'harness' ? ' tl-harness' : ''}${row.kind === 'aggregate' ? ' tl-aggregate' : ''}`;
    const full = row.shortLabel !== row.label ? `<title>${esc(row.label)}</title>` : '';
    out.push(`<text class="${cls}" x="${pc(row.labelX)}" y="${num(row.labelY)}" text-anchor="${row.labelAnchor}">${full}${esc(row.shortLabel)}</text>`);
  }
  out.push('</g>');

  out.push('<g class="tl-bars">');
  for (const bar of layout.bars) {
    const cls = [
      'tl-bar',
      `tl-kind-${bar.kind}`,
      bar.unfinished ? 'tl-unfinished' : '',
      bar.instant ? 'tl-instant' : '',
      bar.owner === 'harness' ? 'tl-harness' : '',
      bar.outcome && bar.outcome !== 'ok' ? `tl-outcome-${bar.outcome}` : '',
    ]
      .filter(Boolean)
      .join(' ');
    const data =
      `data-label="${esc(bar.label)}" data-kind="${bar.kind}" data-row="${bar.row}" data-start="${bar.start}"` +
      ` data-end="${bar.end === null ? '' : bar.end}"${bar.unfinished ? ' data-unfinished=""' : ''}${bar.instant ? ' data-instant=""' : ''}`;
    const tip = `<title>${esc(`${bar.label}: ${formatMs(bar.start)} to ${bar.end === null ? 'the end (still running)' : formatMs(bar.end)}`)}</title>`;
    if (bar.instant) {
      // Too short to see at any width: a fixed 4 px mark centred on its moment.
      out.push(
        `<svg x="${pc(bar.x)}" y="${num(bar.y - 2)}" width="1" height="${bar.height + 4}" overflow="visible">` +
          `<rect class="${cls}" x="-2" y="0" width="4" height="${bar.height + 4}" rx="1" ${data}>${tip}</rect></svg>`,
      );
    } else {
      out.push(
        `<rect class="${cls}" x="${pc(bar.x)}" y="${num(bar.y)}" width="${pc(bar.width)}" height="${bar.height}" rx="2" ${data}>${tip}</rect>`,
      );
    }
    if (bar.unfinished) {
      // An arrowhead past the end of the axis: it carries on.
      out.push(
        `<svg x="${pc(bar.x + bar.width)}" y="${num(bar.y - 1)}" width="8" height="${bar.height + 2}" overflow="visible">` +
          `<path class="tl-arrow tl-kind-${bar.kind}" d="M1 0l7 ${num(bar.height / 2 + 1)}l-7 ${num(bar.height / 2 + 1)}z"></path></svg>`,
      );
    }
    if (bar.text) {
      const dx = bar.text.anchor === 'start' ? 4 : -4;
      out.push(
        `<text class="tl-bar-text${bar.text.inside ? ' tl-inside' : ''}" x="${pc(bar.text.x)}" dx="${dx}" y="${num(bar.y + bar.height - 2)}" text-anchor="${bar.text.anchor}">${esc(bar.text.value)}</text>`,
      );
    }
  }
  out.push('</g>');

  // Console markers: a pin per group of lines, with a count when several share it.
  out.push('<g class="tl-markers">');
  const laneMid = layout.consoleLane.y + layout.consoleLane.height / 2;
  for (const marker of layout.markers) {
    const first = marker.lines[0]!;
    const tip = marker.lines
      .slice(0, 8)
      .map((l) => `${formatMs(l.t)}: ${l.text}`)
      .join('\n');
    const extra = marker.lines.length > 8 ? `\n… and ${marker.lines.length - 8} more` : '';
    const error = marker.lines.some((l) => l.stream === 'error') ? ' tl-marker-error' : '';
    out.push(
      `<g class="tl-marker${error}" data-t="${first.t}" data-count="${marker.lines.length}"><title>${esc(tip + extra)}</title>` +
        `<line x1="${pc(marker.x)}" x2="${pc(marker.x)}" y1="${num(laneMid)}" y2="${num(layout.plot.bottom)}"></line>` +
        `<circle cx="${pc(marker.x)}" cy="${num(laneMid)}" r="3.5"></circle>` +
        (marker.lines.length > 1
          ? `<text x="${pc(marker.x)}" dx="6" y="${num(laneMid + 3.5)}" class="tl-count">${marker.lines.length}</text>`
          : '') +
        '</g>',
    );
  }
  out.push('</g>');

  out.push(`<g class="tl-axis"><line x1="${pc(plot.x0)}" x2="${pc(plot.x1)}" y1="${num(layout.axisY)}" y2="${num(layout.axisY)}"></line>`);
  for (const tick of layout.ticks) {
    out.push(
      `<line x1="${pc(tick.x)}" x2="${pc(tick.x)}" y1="${num(layout.axisY)}" y2="${num(layout.axisY + 5)}"></line>` +
        `<text x="${pc(tick.x)}" y="${num(layout.axisY + 19)}" text-anchor="${tick.anchor}">${esc(tick.label)}</text>`,
    );
  }
  out.push('</g></svg>');
  return out.join('');
}

/** The "Timeline data" table (one row per operation) and the "Console lines" table. */
export function timelineTables(layout: TimelineLayout, options: Pick<RenderOptions, 'idPrefix'>): string {
  const rows = layout.table.map((row) => {
    const note = row.note ? `<span class="tl-note">${esc(row.note)}</span>` : '';
    return (
      `<tr data-label="${esc(row.label)}" data-kind="${row.kind}" data-start="${row.start}" data-end="${row.end ?? ''}">` +
      `<th scope="row">${esc(row.label)}<span class="tl-kind">${esc(row.kindText)}</span>${note}</th>` +
      `<td>${formatMs(row.start)}</td><td>${row.end === null ? 'not finished' : formatMs(row.end)}</td>` +
      `<td>${row.duration === null ? '—' : formatMs(row.duration)}</td></tr>`
    );
  });
  if (layout.tableOmitted) {
    rows.push(`<tr><td colspan="4">…and ${layout.tableOmitted} more operations, not listed.</td></tr>`);
  }
  if (!layout.table.length) rows.push('<tr><td colspan="4">No operations: nothing waited, fetched or ran long enough to draw.</td></tr>');
  let html =
    `<table class="tl-table" id="${options.idPrefix}-data"><caption class="tl-sr">Timeline data</caption>` +
    '<thead><tr><th scope="col">Operation</th><th scope="col">Start</th><th scope="col">End</th><th scope="col">Duration</th></tr></thead>' +
    `<tbody>${rows.join('')}</tbody></table>`;
  if (layout.consoleLines) {
    const lines = layout.markers.flatMap((m) => m.lines);
    const shown = lines.slice(0, 200);
    html +=
      '<table class="tl-table tl-console"><caption>Console lines</caption>' +
      '<thead><tr><th scope="col">Time</th><th scope="col">Printed</th></tr></thead><tbody>' +
      shown.map((l) => `<tr><td>${formatMs(l.t)}</td><td><code>${esc(l.text)}</code></td></tr>`).join('') +
      (lines.length > shown.length ? `<tr><td colspan="2">…and ${lines.length - shown.length} more lines.</td></tr>` : '') +
      '</tbody></table>';
  }
  return html;
}

const KIND_ORDER: BarKind[] = ['timer', 'interval', 'immediate', 'fetch', 'op', 'user', 'cpu', 'aggregate'];

/** A timeline block: clock and elapsed time, a legend, the chart (as wide as its container) and the tables. */
export function timelineHtml(layout: TimelineLayout, options: RenderOptions): string {
  const kinds = KIND_ORDER.filter((k) => layout.bars.some((b) => b.kind === k));
  const legend =
    kinds
      .map((k) => `<span class="tl-legend-item"><span class="tl-swatch tl-kind-${k}" aria-hidden="true"></span>${esc(kindText(k))}</span>`)
      .join('') +
    (layout.consoleLines ? '<span class="tl-legend-item"><span class="tl-pin" aria-hidden="true"></span>console line</span>' : '');
  const heading = options.heading ? `<p class="tl-heading">${esc(options.heading)}</p>` : '';
  return (
    `<div class="tl" data-timeline data-mode="${layout.mode}" data-total="${layout.totalMs}" data-domain="${layout.domainMs}" data-operations="${layout.operations}">` +
    heading +
    `<p class="tl-meta"><span class="tl-when"><span class="tl-clock">${esc(clockTitle(layout))}</span> · <span class="tl-elapsed">${esc(formatMs(layout.totalMs))} elapsed</span></span>` +
    (legend ? `<span class="tl-legend">${legend}</span>` : '') +
    '</p>' +
    `<div class="tl-chart">${timelineSvg(layout, options)}</div>` +
    `<details class="tl-details"${options.open ? ' open' : ''}><summary>Timeline data</summary><div class="tl-tables">${timelineTables(layout, options)}</div></details>` +
    '</div>'
  );
}

/** Two timelines one above the other, already laid out on one scale (layoutPair). */
export function compareHtml(
  a: TimelineLayout,
  b: TimelineLayout,
  options: { idPrefix: string; labelA: string; labelB: string; open?: boolean },
): string {
  const note = `<p class="tl-compare-note">Both on the same scale: 0 to ${esc(formatMs(a.domainMs))} of ${esc(a.clockLabel)}.</p>`;
  return (
    `<div class="tl-compare" data-timeline-compare>${note}` +
    timelineHtml(a, { idPrefix: `${options.idPrefix}-a`, heading: options.labelA, open: options.open }) +
    timelineHtml(b, { idPrefix: `${options.idPrefix}-b`, heading: options.labelB, open: options.open }) +
    '</div>'
  );
}

/**
 * The event-loop view: an ordered list of the printed lines, each with its
 * phase badge. Works as it is with no JS; src/islands/timeline-steps.ts adds
 * Previous/Next stepping on top (the controls stay hidden without it).
 */
export function eventLoopStepsHtml(steps: readonly EventLoopStep[], options: { idPrefix: string; label?: string }): string {
  const label = options.label ?? 'Printed lines, in order, with the part of the event loop that printed each';
  const items = steps
    .map(
      (s) =>
        `<li class="el-step" data-step="${s.n}" data-kind="${s.kind}"${s.timer !== undefined ? ` data-timer="${s.timer}"` : ''} data-explanation="${esc(s.explanation)}">` +
        `<span class="el-badge el-${s.kind}">${esc(s.badge)}</span><code class="el-text">${esc(s.text)}</code></li>`,
    )
    .join('');
  return (
    `<event-loop-steps class="el" data-count="${steps.length}">` +
    `<ol class="el-list" id="${options.idPrefix}-list" aria-label="${esc(label)}">${items}</ol>` +
    `<div class="el-controls" hidden>` +
    `<button type="button" class="el-button" data-el="prev" aria-controls="${options.idPrefix}-list">Previous</button>` +
    `<button type="button" class="el-button" data-el="next" aria-controls="${options.idPrefix}-list">Next</button>` +
    `<p class="el-status" role="status" aria-live="polite"></p>` +
    '</div></event-loop-steps>'
  );
}
