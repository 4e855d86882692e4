/**
 * The timeline layout (src/lib/timeline/layout.ts, with axis.ts,
 * operations.ts and model.ts) and its rendering
 * (render.ts): pure functions of a scenario observation, tested table by
 * table on hand-made observations.
 */
import { describe, expect, test } from 'vitest';
import type { LogLine, ScenarioObservation, Span } from '../src/lib/harness/observation.ts';
import { extentOf, formatMs, sharedDomain, tickLabel, tickStep, tickTimes } from '../src/lib/timeline/axis.ts';
import { layoutPair, layoutTimeline } from '../src/lib/timeline/layout.ts';
import { GEOMETRY } from '../src/lib/timeline/model.ts';
import { operationsOf, shorten } from '../src/lib/timeline/operations.ts';
import { compareHtml, describeTimeline, timelineHtml, timelineSvg, timelineTables } from '../src/lib/timeline/render.ts';

let seq = 0;
function span(label: string, start: number, end: number | null, extra: Partial<Span> = {}): Span {
  seq += 2;
  return { id: seq, label, kind: 'timer', start, startSeq: seq, end, ...(end === null ? {} : { endSeq: seq + 1, outcome: 'ok' }), owner: 'learner', ...extra };
}
function log(t: number, text: string, extra: Partial<LogLine> = {}): LogLine {
  return { t, text, stream: 'log', phase: 'timer', seq: ++seq + 10_000, ...extra };
}
function scenario(spans: Span[], logs: LogLine[] = [], extra: Partial<ScenarioObservation> = {}): ScenarioObservation {
  const totalTime = Math.max(0, ...spans.map((s) => s.end ?? s.start), ...logs.map((l) => l.t));
  return {
    scenario: 'program',
    mode: 'check',
    params: null,
    logs,
    droppedLines: 0,
    outputTruncated: false,
    spans,
    errors: [],
    settled: { state: 'fulfilled', at: totalTime, seq: 99_999, value: null },
    pendingAtSettle: [],
    totalTime,
    record: {},
    ...extra,
  };
}

/** x (percent) of time t on an axis of `domain` ms. */
const xAt = (t: number, domain: number) => GEOMETRY.insetLeft + (t / domain) * (100 - GEOMETRY.insetLeft - GEOMETRY.insetRight);

const sequential = () => scenario([span('sleep(1000)', 2000, 3000), span('sleep(1000)', 0, 1000), span('sleep(1000)', 1000, 2000)]);
const concurrent = () => scenario([span('sleep(1000)', 0, 1000), span('sleep(1000)', 0, 1000), span('sleep(1000)', 0, 1000)]);

describe('tick choice: 1, 2 or 5 × 10^n, 4 to 8 ticks', () => {
  test.each([
    // domain, step, ticks
    [10, 2, 6],
    [100, 20, 6],
    [250, 50, 6],
    [1000, 200, 6],
    [1003, 200, 6],
    [1500, 200, 8],
    [2000, 500, 5],
    [3000, 500, 7],
    [3500, 500, 8],
    [4000, 1000, 5],
    [7999, 1000, 8],
    [8000, 2000, 5],
    [60_000, 10_000, 7],
    [0.5, 0.1, 6],
  ])('domain %d ms → step %d, %d ticks', (domain, step, count) => {
    expect(tickStep(domain)).toBe(step);
    expect(tickTimes(domain)).toHaveLength(count);
  });

  test.each([3, 7, 13, 99, 101, 333, 999, 1234, 4321, 9999, 12_345, 99_999, 123_456])('domain %d: between 4 and 8 ticks, from 0, none past the end', (domain) => {
    const ticks = tickTimes(domain);
    expect(ticks.length).toBeGreaterThanOrEqual(4);
    expect(ticks.length).toBeLessThanOrEqual(8);
    expect(ticks[0]).toBe(0);
    expect(ticks.at(-1)).toBeLessThanOrEqual(domain);
  });

  test.each([
    [0, 3000, '0'],
    [500, 3000, '0.5 s'],
    [3000, 3000, '3 s'],
    [200, 800, '200 ms'],
    [1.5, 8, '1.5 ms'],
  ])('label of %d on a %d ms axis: %s', (t, domain, label) => {
    expect(tickLabel(t, domain)).toBe(label);
  });

  test('the layout draws the ticks across the plot, the first label starting at 0 and the last ending at the end', () => {
    const layout = layoutTimeline(sequential());
    expect(layout.ticks.map((t) => t.label)).toEqual(['0', '0.5 s', '1 s', '1.5 s', '2 s', '2.5 s', '3 s']);
    expect(layout.ticks[0]!.x).toBe(GEOMETRY.insetLeft);
    expect(layout.ticks.at(-1)!.x).toBe(100 - GEOMETRY.insetRight);
    expect(layout.ticks[0]!.anchor).toBe('start');
    expect(layout.ticks.at(-1)!.anchor).toBe('end');
  });
});

describe('rows: one per operation, in start order', () => {
  test.each([
    ['sequential (a staircase)', sequential(), [0, 1000, 2000], [1000, 2000, 3000]],
    ['concurrent (a stack)', concurrent(), [0, 0, 0], [1000, 1000, 1000]],
  ])('%s', (_, s, starts, ends) => {
    const layout = layoutTimeline(s);
    expect(layout.rows).toHaveLength(3);
    expect(layout.bars.map((b) => b.start)).toEqual(starts);
    expect(layout.bars.map((b) => b.end)).toEqual(ends);
    expect(layout.bars.map((b) => b.row)).toEqual([0, 1, 2]);
    // Each row below the last.
    expect(layout.rows.map((r) => r.y)).toEqual([...layout.rows.map((r) => r.y)].sort((a, b) => a - b));
    expect(new Set(layout.rows.map((r) => r.y)).size).toBe(3);
  });

  test('spans starting at the same time keep the order they were started in', () => {
    const a = span('first', 0, 500);
    const b = span('second', 0, 300);
    const c = span('third', 0, 900);
    const layout = layoutTimeline(scenario([c, a, b].map((s, i) => ({ ...s, startSeq: [3, 1, 2][i]! }))));
    expect(layout.rows.map((r) => r.label)).toEqual(['first', 'second', 'third']);
  });

  test('timers carry their number in the label; every kind keeps its own row', () => {
    const layout = layoutTimeline(
      scenario([
        span('setTimeout 100 ms', 0, 100, { timer: 1 }),
        span('https://api.example/users', 10, 250, { kind: 'fetch' }),
        span('job 1', 20, 60, { kind: 'op' }),
        span('CPU work', 300, 400, { kind: 'cpu' }),
        span('phase A', 0, 400, { kind: 'user' }),
      ]),
    );
    expect(layout.rows.map((r) => [r.label, r.kind])).toEqual([
      ['setTimeout 100 ms #1', 'timer'],
      ['phase A', 'user'],
      ['https://api.example/users', 'fetch'],
      ['job 1', 'op'],
      ['CPU work', 'cpu'],
    ]);
  });

  test.each([
    ['drop', undefined, ['mine']],
    ['drop', 'drop' as const, ['mine']],
    ['mark', 'mark' as const, ['mine', 'AbortSignal.timeout(50)']],
  ])('harness-owned spans: %s (option %s)', (_, harness, labels) => {
    const s = scenario([span('mine', 0, 100), span('AbortSignal.timeout(50)', 10, 60, { owner: 'harness' })]);
    const layout = layoutTimeline(s, harness ? { harness } : {});
    expect(layout.rows.map((r) => r.label)).toEqual(labels);
    if (harness === 'mark') {
      expect(layout.rows[1]!.owner).toBe('harness');
      expect(layout.table[1]!.note).toMatch(/course's own/);
    }
  });
});

describe('scale', () => {
  test.each([
    // span, domain option, expected x, expected width (percent)
    [[0, 1000], undefined, xAt(0, 1000), xAt(1000, 1000) - xAt(0, 1000)],
    [[0, 1000], 3000, xAt(0, 3000), xAt(1000, 3000) - xAt(0, 3000)],
    [[500, 1000], 2000, xAt(500, 2000), xAt(1000, 2000) - xAt(500, 2000)],
  ])('span %j on a %s ms axis', ([start, end], domainMs, x, width) => {
    const layout = layoutTimeline(scenario([span('s', start!, end!)]), domainMs ? { domainMs } : {});
    expect(layout.bars[0]!.x).toBeCloseTo(x, 1);
    expect(layout.bars[0]!.width).toBeCloseTo(width, 1);
  });

  test('a domain shorter than the run is ignored: nothing is cut off', () => {
    const layout = layoutTimeline(sequential(), { domainMs: 500 });
    expect(layout.domainMs).toBe(3000);
  });

  test('the extent counts spans, console lines and the total time', () => {
    expect(extentOf(scenario([span('s', 0, 100)], [log(250, 'late')]))).toBe(250);
    expect(extentOf({ ...scenario([span('s', 0, 100)]), totalTime: 900 })).toBe(900);
    expect(extentOf(scenario([span('s', 400, null)]))).toBe(400);
  });

  test('a run where everything happens at 0 ms still gets an axis', () => {
    const layout = layoutTimeline(scenario([span('setTimeout 0 ms', 0, 0)], [log(0, 'hi')]));
    expect(layout.domainMs).toBe(10);
    expect(layout.ticks.length).toBeGreaterThanOrEqual(4);
  });

  test('clock label and summary follow the clock the scenario ran on', () => {
    expect(layoutTimeline(sequential()).clockLabel).toBe('simulated time');
    expect(layoutTimeline(sequential()).summary).toBe('3 operations over 3000 ms of simulated time');
    expect(layoutTimeline({ ...sequential(), mode: 'run' }).clockLabel).toBe('simulated time');
    const run = layoutTimeline({ ...concurrent(), mode: 'run', clock: 'real', totalTime: 1003.6 }, {});
    expect(run.clockLabel).toBe('real time');
    expect(run.summary).toBe('3 operations over 1004 ms of real time');
    const one = layoutTimeline(scenario([span('s', 0, 5)], [log(5, 'x')]));
    expect(one.summary).toBe('1 operation over 5 ms of simulated time, 1 console line');
  });
});

describe('two layouts on one shared scale', () => {
  test('layoutPair gives both the longer domain, so equal times sit at equal x', () => {
    const [a, b] = layoutPair(sequential(), concurrent());
    expect(a.domainMs).toBe(3000);
    expect(b.domainMs).toBe(3000);
    expect(sharedDomain([sequential(), concurrent()])).toBe(3000);
    // The concurrent bars end where the first sequential bar ends.
    const endOf = (bar: { x: number; width: number }) => bar.x + bar.width;
    for (const bar of b.bars) expect(endOf(bar)).toBeCloseTo(endOf(a.bars[0]!), 5);
    expect(a.ticks).toEqual(b.ticks);
    expect(endOf(a.bars[2]!)).toBeCloseTo(100 - GEOMETRY.insetRight, 5);
  });

  test('an explicit longer domain applies to both', () => {
    const [a, b] = layoutPair(sequential(), concurrent(), { domainMs: 5000 });
    expect([a.domainMs, b.domainMs]).toEqual([5000, 5000]);
  });
});

describe('zero-length and unfinished spans', () => {
  test.each([
    ['zero length', 100, 100, true],
    ['shorter than can be seen', 100, 101, true],
    ['long enough to draw', 100, 400, false],
  ])('%s: instant = %s', (_, start, end, instant) => {
    const layout = layoutTimeline(scenario([span('s', start, end), span('long', 0, 1000)]));
    const bar = layout.bars.find((b) => b.label === 's')!;
    expect(bar.instant).toBe(instant);
    expect(bar.unfinished).toBe(false);
    if (instant) expect(bar.text).toBeUndefined();
  });

  test('an instant mark is drawn with a fixed visible width', () => {
    const html = timelineSvg(layoutTimeline(scenario([span('setTimeout 0 ms', 50, 50), span('long', 0, 1000)])), { idPrefix: 't' });
    expect(html).toMatch(/<rect class="tl-bar tl-kind-timer tl-instant" x="-2" y="0" width="4"/);
  });

  test('a span that never ended runs to the end of the axis and is marked', () => {
    const s = scenario([span('setInterval 100 ms', 200, null, { kind: 'interval', timer: 1 }), span('sleep(1000)', 0, 1000)]);
    const layout = layoutTimeline(s);
    const bar = layout.bars.find((b) => b.kind === 'interval')!;
    expect(bar.unfinished).toBe(true);
    expect(bar.end).toBeNull();
    expect(bar.x + bar.width).toBeCloseTo(100 - GEOMETRY.insetRight, 5);
    const row = layout.table.find((r) => r.kind === 'interval')!;
    expect(row).toMatchObject({ end: null, duration: null, note: 'still running when the run ended' });
    const html = timelineHtml(layout, { idPrefix: 't' });
    expect(html).toContain('data-unfinished=""');
    expect(html).toContain('tl-arrow');
    expect(html).toContain('<td>not finished</td>');
  });

  test.each([
    ['cleared', 'cleared before it fired'],
    ['aborted', 'aborted'],
    ['error', 'failed'],
  ] as const)('outcome %s is noted in the table and marked on the bar', (outcome, note) => {
    const layout = layoutTimeline(scenario([span('s', 0, 100, { outcome })]));
    expect(layout.table[0]!.note).toBe(note);
    expect(timelineSvg(layout, { idPrefix: 't' })).toContain(`tl-outcome-${outcome}`);
  });
});

describe('CPU work merged by the harness is split where a line was printed between blocks', () => {
  const cpu = (logs: LogLine[]) => {
    const s: Span = { id: 1, label: 'CPU work', kind: 'cpu', start: 0, startSeq: 1, end: 3000, endSeq: 6, owner: 'learner', outcome: 'ok', ms: 3000 };
    return scenario([s], logs);
  };
  test.each([
    ['a line after each block', [log(1000, 'a', { seq: 3 }), log(2000, 'b', { seq: 5 }), log(3000, 'c', { seq: 7 })], [[0, 1000], [1000, 2000], [2000, 3000]]],
    ['no lines: one block', [], [[0, 3000]]],
    ['lines only after it', [log(3000, 'done', { seq: 7 })], [[0, 3000]]],
    ['two lines at one moment', [log(1000, 'a', { seq: 3 }), log(1000, 'b', { seq: 4 })], [[0, 1000], [1000, 3000]]],
  ])('%s', (_, logs, pieces) => {
    expect(operationsOf(cpu(logs)).map((o) => [o.start, o.end])).toEqual(pieces);
  });
});

describe('console markers', () => {
  test('lines printed at (nearly) the same moment share one marker, in print order', () => {
    const s = scenario([span('s', 0, 1000)], [log(1000, 'b'), log(0, 'start'), log(1000, 'c'), log(1001, 'd')]);
    const layout = layoutTimeline(s);
    expect(layout.markers.map((m) => [m.t, m.lines.map((l) => l.text)])).toEqual([
      [0, ['start']],
      [1000, ['b', 'c', 'd']],
    ]);
    expect(layout.consoleLines).toBe(4);
    expect(layout.markers[1]!.x).toBeCloseTo(xAt(1000, 1001), 1);
  });
});

describe('many hundreds of spans', () => {
  const many = (n: number) => scenario(Array.from({ length: n }, (_, i) => span(`job ${i}`, i * 10, i * 10 + 25, { kind: 'op' })));

  test.each([
    [10, 24, 10, 0],
    [24, 24, 24, 0],
    [25, 24, 24, 2],
    [600, 24, 24, 577],
    [600, 10, 10, 591],
  ])('%d spans, maxRows %d → %d rows (aggregate of %d)', (n, maxRows, rows, aggregated) => {
    const layout = layoutTimeline(many(n), { maxRows });
    expect(layout.rows).toHaveLength(rows);
    expect(layout.operations).toBe(n);
    const last = layout.rows.at(-1)!;
    if (aggregated) {
      expect(last).toMatchObject({ kind: 'aggregate', aggregated, label: `${aggregated} more operations` });
    } else {
      expect(last.kind).toBe('op');
    }
  });

  test('the aggregate row draws the union of its spans, in few pieces', () => {
    const layout = layoutTimeline(many(600));
    const pieces = layout.bars.filter((b) => b.kind === 'aggregate');
    // Overlapping jobs (25 ms each, one every 10 ms) merge into one stretch.
    expect(pieces).toHaveLength(1);
    expect(pieces[0]!.start).toBe(230);
    expect(pieces[0]!.end).toBe(6015);
    expect(layout.bars.length).toBeLessThanOrEqual(24);
  });

  test('gaps in the aggregate stay visible', () => {
    const spans = Array.from({ length: 100 }, (_, i) => span(`job ${i}`, i < 50 ? i : 5000 + i, (i < 50 ? i : 5000 + i) + 10));
    const layout = layoutTimeline(scenario(spans), { maxRows: 5 });
    expect(layout.bars.filter((b) => b.kind === 'aggregate').map((b) => [b.start, b.end])).toEqual([
      [4, 59],
      [5050, 5109],
    ]);
  });

  test('the table lists at most maxTableRows and says how many more', () => {
    const layout = layoutTimeline(many(600));
    expect(layout.table).toHaveLength(200);
    expect(layout.tableOmitted).toBe(400);
    expect(timelineTables(layout, { idPrefix: 't' })).toContain('…and 400 more operations, not listed.');
  });

  // What keeps a thousand spans cheap is the caps, so they are what is asserted (the time is a bench figure).
  test('a thousand spans lay out within the caps', () => {
    const layout = layoutTimeline(many(1000));
    expect(layout.table).toHaveLength(200);
    expect(layout.tableOmitted).toBe(800);
  });
});

describe('labels and text', () => {
  test.each([
    ['short', 10, 'short'],
    ['https://api.example.com/users/42', 20, 'https://api.e…ers/42'],
    ['abc', 1, '…'],
  ])('shorten(%j, %d) = %j', (label, max, out) => {
    expect(shorten(label, max)).toBe(out);
    expect(shorten(label, max).length).toBeLessThanOrEqual(Math.max(max, 1));
  });

  test.each([
    [1000, '1000 ms'],
    [1003.4, '1003 ms'],
    [3.45, '3.5 ms'],
    [0, '0 ms'],
  ])('formatMs(%d) = %s', (ms, text) => {
    expect(formatMs(ms)).toBe(text);
  });

  test('a label sits at its bar start, or ends at the bar end when it would run off the right', () => {
    const layout = layoutTimeline(scenario([span('early', 0, 100), span('a rather long label for a late bar', 2900, 3000)]));
    expect(layout.rows[0]).toMatchObject({ labelAnchor: 'start', labelX: layout.bars[0]!.x });
    expect(layout.rows[1]).toMatchObject({ labelAnchor: 'end' });
    expect(layout.rows[1]!.labelX).toBeCloseTo(layout.bars[1]!.x + layout.bars[1]!.width, 5);
  });

  test('durations go beside a bar when there is room, inside a wide bar that reaches the end', () => {
    const layout = layoutTimeline(sequential());
    expect(layout.bars.map((b) => b.text?.inside)).toEqual([false, false, true]);
    expect(layout.bars.every((b) => b.text?.value === '1000 ms')).toBe(true);
  });
});

describe('rendering', () => {
  test('an SVG named "Timeline" whose description says what it shows', () => {
    const layout = layoutTimeline(sequential());
    const svg = timelineSvg(layout, { idPrefix: 'x1' });
    expect(svg).toMatch(/^<svg class="tl-svg" role="img" aria-labelledby="x1-title" aria-describedby="x1-desc"/);
    expect(svg).toContain('<title id="x1-title">Timeline</title>');
    expect(svg).toContain('<desc id="x1-desc">3 operations over 3000 ms of simulated time: sleep(1000) from 0 ms to 1000 ms;');
    expect(svg.match(/<rect class="tl-bar/g)).toHaveLength(3);
    expect(describeTimeline(layout, 'Sequential')).toMatch(/^Sequential: 3 operations/);
  });

  test('the "Timeline data" table has one row per operation', () => {
    const html = timelineTables(layoutTimeline(sequential()), { idPrefix: 't' });
    expect(html).toContain('<caption class="tl-sr">Timeline data</caption>');
    expect(html.match(/<tr data-label=/g)).toHaveLength(3);
    expect(html).toContain('<td>1000 ms</td><td>2000 ms</td><td>1000 ms</td>');
  });

  test('labels and printed text are escaped', () => {
    const s = scenario([span('<img src=x onerror=alert(1)>', 0, 10)], [log(5, '"quoted" & <b>bold</b>')]);
    const html = timelineHtml(layoutTimeline(s), { idPrefix: 't' });
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&quot;quoted&quot; &amp; &lt;b&gt;');
  });

  test('the comparison shows both with distinct ids and one scale', () => {
    const [a, b] = layoutPair(sequential(), concurrent());
    const html = compareHtml(a, b, { idPrefix: 'c', labelA: 'Sequential', labelB: 'Concurrent' });
    expect(html).toContain('id="c-a-title"');
    expect(html).toContain('id="c-b-title"');
    expect(html.match(/data-domain="3000"/g)!.length).toBeGreaterThanOrEqual(4);
    expect(html).toContain('Both on the same scale: 0 to 3000 ms of simulated time.');
  });

  test('the clock label reads "Real time" for a run on the real clock and "Simulated time" otherwise, Run or Check', () => {
    expect(timelineHtml(layoutTimeline({ ...sequential(), mode: 'run', clock: 'real' }), { idPrefix: 't' })).toContain('<span class="tl-clock">Real time</span>');
    expect(timelineHtml(layoutTimeline({ ...sequential(), mode: 'run' }), { idPrefix: 't' })).toContain('<span class="tl-clock">Simulated time</span>');
    expect(timelineHtml(layoutTimeline(sequential()), { idPrefix: 't' })).toContain('<span class="tl-clock">Simulated time</span>');
  });
});

describe('non-finite and huge times are clamped, so drawing always ends', () => {
  const base = (over: Partial<ScenarioObservation>): ScenarioObservation => ({
    scenario: 'main',
    mode: 'check',
    params: null,
    logs: [],
    droppedLines: 0,
    outputTruncated: false,
    spans: [],
    errors: [],
    settled: { state: 'pending' },
    pendingAtSettle: [],
    totalTime: 10,
    record: {},
    ...over,
  });
  const cpu = (end: number | null, start = 0) => ({ id: 1, label: 'blockFor', kind: 'cpu' as const, start, startSeq: 0, end, endSeq: 2, owner: 'learner' as const });
  test.each<[string, ScenarioObservation]>([
    ['blockFor(Infinity): an infinite span end', base({ spans: [cpu(Infinity)] })],
    ['an infinite total time', base({ totalTime: Infinity })],
    ['a NaN total time', base({ totalTime: NaN })],
    ['an infinite line time', base({ logs: [{ t: Infinity, stream: 'log', text: 'x', phase: 'timer', seq: 1 }] })],
    ['a NaN span start', base({ spans: [cpu(5, NaN)] })],
    ['a negative infinite start', base({ spans: [cpu(5, -Infinity)] })],
    ['a time past any axis', base({ spans: [cpu(1e300)] })],
  ])('%s', (_name, scenario) => {
    const layout = layoutTimeline(scenario);
    expect(Number.isFinite(layout.domainMs)).toBe(true);
    expect(Number.isFinite(layout.totalMs)).toBe(true);
    expect(layout.ticks.length).toBeGreaterThan(1);
    expect(layout.ticks.length).toBeLessThanOrEqual(9);
    for (const bar of layout.bars) expect(Number.isFinite(bar.x) && Number.isFinite(bar.width)).toBe(true);
    expect(timelineHtml(layout, { idPrefix: 't' })).not.toMatch(/NaN|Infinity/);
  });
  test.each([Infinity, -Infinity, NaN])('tick times for a domain of %s are finite', (domain) => {
    const times = tickTimes(domain);
    expect(times.every(Number.isFinite)).toBe(true);
  });
});

describe('the HTML escapes every value it writes', () => {
  const payload = `"><img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>'`;
  test('labels, printed lines, the mode and headings never become markup', () => {
    const scenario: ScenarioObservation = {
      scenario: payload,
      mode: payload as never,
      params: null,
      logs: [{ t: 1, stream: payload as never, text: payload, phase: payload as never, seq: 1 }],
      droppedLines: 0,
      outputTruncated: false,
      spans: [{ id: 1, label: payload, kind: payload as never, start: 0, startSeq: 0, end: 5, endSeq: 2, owner: payload as never, outcome: payload as never, detail: payload }],
      errors: [],
      settled: { state: 'pending' },
      pendingAtSettle: [],
      totalTime: 5,
      record: {},
    };
    const layout = layoutTimeline(scenario, { harness: 'mark' });
    const markup = timelineHtml(layout, { idPrefix: 'x', heading: payload, open: true });
    expect(markup).not.toContain('<img');
    expect(markup).not.toContain('<script');
    expect(markup).not.toContain(payload);
    expect(markup).not.toContain('onerror="');
    expect(markup).toContain('&quot;&gt;&lt;img src=x onerror=&quot;');
    const [a, b] = layoutPair(scenario, scenario);
    const pair = compareHtml(a, b, { idPrefix: 'y', labelA: payload, labelB: payload });
    expect(pair).not.toContain('<img');
    expect(pair).not.toContain('<script');
  });
});

describe('what a failing check is about, on the chart (issue 14)', () => {
  test('a marker where the exercise function returned, named after it', () => {
    const s = scenario([span('operation()', 0, 1500)], [log(0, 'Starting'), log(1500, 'Finished')], { settled: { state: 'fulfilled', at: 200, seq: 3, value: null } });
    const layout = layoutTimeline(s, { entry: 'main' });
    expect(layout.returned).toEqual({ t: 200, x: layout.ticks.length ? expect.any(Number) : 0, label: 'main() returned' });
    const svg = timelineSvg(layout, { idPrefix: 'r' });
    expect(svg).toContain('main() returned');
    expect(layoutTimeline(s).returned, 'no entry, no marker (lesson figures of whole programs)').toBeUndefined();
  });

  test('a rejected export is marked as rejected', () => {
    const s = scenario([span('fetch', 0, 300)], [], { settled: { state: 'rejected', at: 300, seq: 3, error: { name: 'Error', message: 'x' } } });
    expect(layoutTimeline(s, { entry: 'fetchAll' }).returned?.label).toBe('fetchAll() rejected');
  });

  test('the heartbeat gets a lane of its own, a tick per beat, so a starved loop shows as a gap', () => {
    const beats = [50, 100, 900, 950].map((t, i) => span('heartbeat', t - 50, t, { owner: 'harness', kind: 'timer', id: 100 + i }));
    const s = scenario([span('CPU work', 100, 900, { kind: 'cpu' }), ...beats]);
    const layout = layoutTimeline(s);
    const lane = layout.rows.find((r) => /heartbeat/.test(r.label));
    expect(lane?.owner).toBe('harness');
    const ticks = layout.bars.filter((b) => b.row === lane!.index);
    expect(ticks.map((b) => b.start)).toEqual([50, 100, 900, 950]);
    expect(ticks.every((b) => b.instant)).toBe(true);
    expect(layoutTimeline(scenario([span('CPU work', 100, 900, { kind: 'cpu' })])).rows.some((r) => /heartbeat/.test(r.label))).toBe(false);
  });

  test('printed-line dots carry their text where there is room, shortened to it', () => {
    const layout = layoutTimeline(scenario([span('sleep(1000)', 0, 1000)], [log(0, 'Starting'), log(1000, 'Finished'), log(1001, 'late')]));
    expect(layout.markers[0]!.label).toBe('Starting');
    // "Finished" and "late" share a dot at the very end: no room there, so the count stays.
    const end = layout.markers.at(-1)!;
    expect(end.lines).toHaveLength(2);
    expect(end.label).toBeUndefined();
    expect(timelineSvg(layout, { idPrefix: 'd' })).toContain('class="tl-dot-label" aria-hidden="true">Starting</text>');
  });

  test('at 375 px (a 240 px chart), a duration inside a short bar at the left edge is never cut ("300 ms" read "00 ms")', () => {
    const layout = layoutTimeline(scenario([span('sleep(300)', 0, 300), span('sleep(3000)', 0, 3000)]));
    for (const bar of layout.bars) {
      if (!bar.text) continue;
      const px = (bar.text.value.length * GEOMETRY.barCharPx + 8) / 240 * 100;
      const left = bar.text.anchor === 'end' ? bar.text.x - px : bar.text.x;
      const right = bar.text.anchor === 'end' ? bar.text.x : bar.text.x + px;
      expect(left, bar.text.value).toBeGreaterThanOrEqual(0);
      expect(right, bar.text.value).toBeLessThanOrEqual(100);
    }
  });
});
