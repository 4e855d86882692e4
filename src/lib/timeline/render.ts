/**
 * Timeline layout → HTML (an inline SVG chart and its data tables), as a
 * string. Pure, so the build-time components (src/components/timeline/*)
 * and the browser island (src/islands/timeline.ts) emit the very same
 * markup from the very same layout. Styles: src/components/timeline/timeline.css
 * (classes `tl-*`, colours from CSS variables, so both themes work).
 *
 * Every value goes in through the `html` tag (src/lib/html.ts), which
 * escapes it: labels and printed lines come from learner code, and an
 * Observation from a runtime is hostile until proven otherwise.
 *
 * Accessibility: the SVG has role="img", the name "Timeline" (its <title>)
 * and a <desc> that says what it shows; a table named "Timeline data"
 * holds one row per operation (label, start, end, duration), and a
 * "Console lines" table the printed lines with their times.
 */
import { formatMs } from './axis.ts';
import { GEOMETRY, type BarKind, type TimelineLayout } from './model.ts';
import { kindText } from './operations.ts';
import { html, joinHtml, type SafeHtml } from '../html.ts';

interface RenderOptions {
  /** Prefix for the ids inside (title, desc, caption): unique on the page. */
  idPrefix: string;
  /** Shown above the chart, and prefixed to the description ("Sequential: 3 operations …"). */
  heading?: string;
  /** Open the "Timeline data" disclosure from the start. Default false. */
  open?: boolean;
}

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
  return svgMarkup(layout, options).toString();
}

function svgMarkup(layout: TimelineLayout, options: RenderOptions): SafeHtml {
  const id = options.idPrefix;
  const { plot, height } = layout;
  const pc = (n: number) => `${num(n)}%`;
  const out: SafeHtml[] = [];
  out.push(
    html`<svg class="tl-svg" role="img" aria-labelledby="${id}-title" aria-describedby="${id}-desc" width="100%" height="${num(height)}" data-domain="${layout.domainMs}" data-total="${layout.totalMs}" data-mode="${layout.mode}">`,
    html`<title id="${id}-title">Timeline</title>`,
    html`<desc id="${id}-desc">${describeTimeline(layout, options.heading)}</desc>`,
  );

  // Row stripes, then grid lines at the ticks, so bars sit on top of both.
  out.push(html`<g class="tl-stripes">`);
  for (const row of layout.rows) {
    if (row.index % 2 === 0) out.push(html`<rect x="0" y="${num(row.y)}" width="100%" height="${GEOMETRY.rowHeight}"></rect>`);
  }
  out.push(html`</g><g class="tl-grid">`);
  for (const tick of layout.ticks) {
    out.push(html`<line x1="${pc(tick.x)}" x2="${pc(tick.x)}" y1="${num(plot.top)}" y2="${num(layout.axisY)}"></line>`);
  }
  out.push(html`</g>`);

  out.push(html`<g class="tl-labels">`);
  for (const row of layout.rows) {
    const cls = `tl-row-label${row.owner === 'harness' ? ' tl-harness' : ''}${row.kind === 'aggregate' ? ' tl-aggregate' : ''}`;
    const full = row.shortLabel !== row.label ? html`<title>${row.label}</title>` : '';
    out.push(html`<text class="${cls}" x="${pc(row.labelX)}" y="${num(row.labelY)}" text-anchor="${row.labelAnchor}">${full}${row.shortLabel}</text>`);
  }
  out.push(html`</g>`);

  out.push(html`<g class="tl-bars">`);
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
    const data = html`data-label="${bar.label}" data-kind="${bar.kind}" data-row="${bar.row}" data-start="${bar.start}" data-end="${bar.end === null ? '' : bar.end}"${bar.unfinished ? html` data-unfinished=""` : ''}${bar.instant ? html` data-instant=""` : ''}`;
    const tip = html`<title>${`${bar.label}: ${formatMs(bar.start)} to ${bar.end === null ? 'the end (still running)' : formatMs(bar.end)}`}</title>`;
    if (bar.instant) {
      // Too short to see at any width: a fixed 4 px mark centred on its moment.
      out.push(
        html`<svg x="${pc(bar.x)}" y="${num(bar.y - 2)}" width="1" height="${bar.height + 4}" overflow="visible"><rect class="${cls}" x="-2" y="0" width="4" height="${bar.height + 4}" rx="1" ${data}>${tip}</rect></svg>`,
      );
    } else {
      out.push(html`<rect class="${cls}" x="${pc(bar.x)}" y="${num(bar.y)}" width="${pc(bar.width)}" height="${bar.height}" rx="2" ${data}>${tip}</rect>`);
    }
    if (bar.unfinished) {
      // An arrowhead past the end of the axis: it carries on.
      out.push(
        html`<svg x="${pc(bar.x + bar.width)}" y="${num(bar.y - 1)}" width="8" height="${bar.height + 2}" overflow="visible"><path class="tl-arrow tl-kind-${bar.kind}" d="M1 0l7 ${num(bar.height / 2 + 1)}l-7 ${num(bar.height / 2 + 1)}z"></path></svg>`,
      );
    }
    if (bar.text) {
      const dx = bar.text.anchor === 'start' ? 4 : -4;
      out.push(
        html`<text class="tl-bar-text${bar.text.inside ? ' tl-inside' : ''}" x="${pc(bar.text.x)}" dx="${dx}" y="${num(bar.y + bar.height - 2)}" text-anchor="${bar.text.anchor}">${bar.text.value}</text>`,
      );
    }
  }
  out.push(html`</g>`);

  // Console markers: a pin per group of lines, with a count when several share it.
  out.push(html`<g class="tl-markers">`);
  const laneMid = layout.consoleLane.y + layout.consoleLane.height / 2;
  for (const marker of layout.markers) {
    const first = marker.lines[0]!;
    const tip = marker.lines
      .slice(0, 8)
      .map((l) => `${formatMs(l.t)}: ${l.text}`)
      .join('\n');
    const extra = marker.lines.length > 8 ? `\n… and ${marker.lines.length - 8} more` : '';
    const error = marker.lines.some((l) => l.stream === 'error') ? ' tl-marker-error' : '';
    // The printed text beside its dot where there is room, else how many lines share the dot.
    const countText = marker.label
      ? html`<text x="${pc(marker.x)}" dx="6" y="${num(laneMid + 3.5)}" class="tl-dot-label" aria-hidden="true">${marker.label}</text>`
      : marker.lines.length > 1
        ? html`<text x="${pc(marker.x)}" dx="6" y="${num(laneMid + 3.5)}" class="tl-count">${marker.lines.length}</text>`
        : '';
    out.push(
      html`<g class="tl-marker${error}" data-t="${first.t}" data-count="${marker.lines.length}"><title>${tip + extra}</title><line x1="${pc(marker.x)}" x2="${pc(marker.x)}" y1="${num(laneMid)}" y2="${num(layout.plot.bottom)}"></line><circle cx="${pc(marker.x)}" cy="${num(laneMid)}" r="3.5"></circle>${countText}</g>`,
    );
  }
  out.push(html`</g>`);

  if (layout.returned) {
    // Where the exercise's function returned: what happens after it is work nobody waited for.
    const r = layout.returned;
    const anchor = r.x > 60 ? 'end' : 'start';
    out.push(
      html`<g class="tl-returned" data-t="${r.t}"><title>${`${r.label} at ${formatMs(r.t)}`}</title><line x1="${pc(r.x)}" x2="${pc(r.x)}" y1="${num(layout.plot.top)}" y2="${num(layout.axisY + 36)}"></line><text x="${pc(r.x)}" dx="${anchor === 'end' ? -3 : 3}" y="${num(layout.axisY + 36)}" text-anchor="${anchor}">${r.label}</text></g>`,
    );
  }

  out.push(html`<g class="tl-axis"><line x1="${pc(plot.x0)}" x2="${pc(plot.x1)}" y1="${num(layout.axisY)}" y2="${num(layout.axisY)}"></line>`);
  for (const tick of layout.ticks) {
    out.push(
      html`<line x1="${pc(tick.x)}" x2="${pc(tick.x)}" y1="${num(layout.axisY)}" y2="${num(layout.axisY + 5)}"></line><text x="${pc(tick.x)}" y="${num(layout.axisY + 19)}" text-anchor="${tick.anchor}">${tick.label}</text>`,
    );
  }
  out.push(html`</g></svg>`);
  return joinHtml(out);
}

/** The "Timeline data" table (one row per operation) and the "Console lines" table. */
export function timelineTables(layout: TimelineLayout, options: Pick<RenderOptions, 'idPrefix'>): string {
  return tablesMarkup(layout, options).toString();
}

function tablesMarkup(layout: TimelineLayout, options: Pick<RenderOptions, 'idPrefix'>): SafeHtml {
  const rows: SafeHtml[] = layout.table.map((row) => {
    const note = row.note ? html`<span class="tl-note">${row.note}</span>` : '';
    return html`<tr data-label="${row.label}" data-kind="${row.kind}" data-start="${row.start}" data-end="${row.end ?? ''}"><th scope="row">${row.label}<span class="tl-kind">${row.kindText}</span>${note}</th><td>${formatMs(row.start)}</td><td>${row.end === null ? 'not finished' : formatMs(row.end)}</td><td>${row.duration === null ? '—' : formatMs(row.duration)}</td></tr>`;
  });
  if (layout.tableOmitted) {
    rows.push(html`<tr><td colspan="4">…and ${layout.tableOmitted} more operations, not listed.</td></tr>`);
  }
  if (!layout.table.length) rows.push(html`<tr><td colspan="4">No operations: nothing waited, fetched or ran long enough to draw.</td></tr>`);
  const data = html`<table class="tl-table" id="${options.idPrefix}-data"><caption class="tl-sr">Timeline data</caption><thead><tr><th scope="col">Operation</th><th scope="col">Start</th><th scope="col">End</th><th scope="col">Duration</th></tr></thead><tbody>${rows}</tbody></table>`;
  if (!layout.consoleLines) return data;
  const lines = layout.markers.flatMap((m) => m.lines);
  const shown = lines.slice(0, 200);
  const more = lines.length > shown.length ? html`<tr><td colspan="2">…and ${lines.length - shown.length} more lines.</td></tr>` : '';
  return html`${data}<table class="tl-table tl-console"><caption>Console lines</caption><thead><tr><th scope="col">Time</th><th scope="col">Printed</th></tr></thead><tbody>${shown.map((l) => html`<tr><td>${formatMs(l.t)}</td><td><code>${l.text}</code></td></tr>`)}${more}</tbody></table>`;
}

const KIND_ORDER: BarKind[] = ['timer', 'interval', 'immediate', 'fetch', 'op', 'user', 'cpu', 'aggregate'];

/** A timeline block: clock and elapsed time, a legend, the chart (as wide as its container) and the tables. */
export function timelineHtml(layout: TimelineLayout, options: RenderOptions): string {
  return timelineMarkup(layout, options).toString();
}

/** The same block as markup, for the browser's one way into the DOM (src/islands/safe-dom.ts). */
export function timelineMarkup(layout: TimelineLayout, options: RenderOptions): SafeHtml {
  const kinds = KIND_ORDER.filter((k) => layout.bars.some((b) => b.kind === k));
  const legendItems = [
    ...kinds.map((k) => html`<span class="tl-legend-item"><span class="tl-swatch tl-kind-${k}" aria-hidden="true"></span>${kindText(k)}</span>`),
    layout.consoleLines ? html`<span class="tl-legend-item"><span class="tl-pin" aria-hidden="true"></span>console line</span>` : '',
  ];
  const legend = kinds.length || layout.consoleLines ? html`<span class="tl-legend">${legendItems}</span>` : '';
  const heading = options.heading ? html`<p class="tl-heading">${options.heading}</p>` : '';
  return html`<div class="tl" data-timeline data-mode="${layout.mode}" data-total="${layout.totalMs}" data-domain="${layout.domainMs}" data-operations="${layout.operations}">${heading}<p class="tl-meta"><span class="tl-when"><span class="tl-clock">${clockTitle(layout)}</span> · <span class="tl-elapsed">${formatMs(layout.totalMs)} elapsed</span></span>${legend}</p><div class="tl-chart">${svgMarkup(layout, options)}</div><details class="tl-details"${options.open ? html` open` : ''}><summary>Timeline data</summary><div class="tl-tables">${tablesMarkup(layout, options)}</div></details></div>`;
}

/** Two timelines one above the other, already laid out on one scale (layoutPair). */
export function compareHtml(
  a: TimelineLayout,
  b: TimelineLayout,
  options: { idPrefix: string; labelA: string; labelB: string; open?: boolean },
): string {
  return compareMarkup(a, b, options).toString();
}

export function compareMarkup(
  a: TimelineLayout,
  b: TimelineLayout,
  options: { idPrefix: string; labelA: string; labelB: string; open?: boolean },
): SafeHtml {
  const note = html`<p class="tl-compare-note">Both on the same scale: 0 to ${formatMs(a.domainMs)} of ${a.clockLabel}.</p>`;
  return html`<div class="tl-compare" data-timeline-compare>${note}${timelineMarkup(a, { idPrefix: `${options.idPrefix}-a`, heading: options.labelA, open: options.open })}${timelineMarkup(b, { idPrefix: `${options.idPrefix}-b`, heading: options.labelB, open: options.open })}</div>`;
}
