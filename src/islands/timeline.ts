/**
 * Timeline views in the browser, for the exercise island: the same markup
 * the lessons' build-time <Timeline> emits, from the same pure layout.
 *
 * API (all synchronous; each replaces the container's content):
 *
 *   renderTimeline(container, scenario, options?) → TimelineLayout
 *     Draws one ScenarioObservation (Run has one; Check has one per case).
 *     The clock label follows scenario.clock: "Simulated time" for Run
 *     and Check alike, "Real time" for a Run on the real clock. `options` are the layout options
 *     (domainMs, maxRows, harness: 'drop' | 'mark', …) plus `heading`
 *     (text above the chart) and `open` (open the "Timeline data" table).
 *
 *   compareTimelines(container, attempt, reference, options?) → [TimelineLayout, TimelineLayout]
 *     Two scenarios one above the other on the same time scale: "your
 *     attempt vs the reference solution". Labels default to "Your attempt"
 *     and "Reference solution" (options.labelA / options.labelB).
 *
 *   renderObservation(container, observation, options?) → TimelineLayout[]
 *     Every scenario of an Observation, each with its case name as heading
 *     when there are several; a short note instead when nothing ran
 *     (compile error, no scenarios).
 *
 * Usage from the exercise island, loaded only when wanted:
 *   const { renderTimeline } = await import('./timeline.ts');
 *   renderTimeline(panel, observation.scenarios[0]);
 *
 * The first render adds the timeline's stylesheet to the page (it travels
 * inside this lazily loaded module, so pages that never draw a timeline in
 * the browser don't load it). The chart is as wide as its container, at any
 * width: bars stretch, text keeps its size.
 */
import styles from '../components/timeline/timeline.css?inline';
import type { Observation, ScenarioObservation } from '../lib/harness/observation.ts';
import { layoutPair, layoutTimeline, type LayoutOptions, type TimelineLayout } from '../lib/timeline/layout.ts';
import { compareMarkup, timelineMarkup } from '../lib/timeline/render.ts';
import { html, joinHtml } from '../lib/html.ts';
import { setMarkup } from './safe-dom.ts';

export type { TimelineLayout } from '../lib/timeline/layout.ts';

export interface TimelineViewOptions extends LayoutOptions {
  /** Text above the chart; also starts its description. */
  heading?: string;
  /** Open the "Timeline data" disclosure. Default false. */
  open?: boolean;
}

export interface CompareOptions extends LayoutOptions {
  /** Default "Your attempt". */
  labelA?: string;
  /** Default "Reference solution". */
  labelB?: string;
  open?: boolean;
}

/** Adds the stylesheet once; the build-time components link the same file themselves. */
function ensureStyles(): void {
  if (document.getElementById('tl-styles')) return;
  const style = document.createElement('style');
  style.id = 'tl-styles';
  style.textContent = styles;
  document.head.append(style);
}

let counter = 0;
/** Ids unique on the page, and distinct from the build-time ones ("tl-b…"). */
const nextId = () => `tl-i${++counter}`;

export function renderTimeline(container: HTMLElement, scenario: ScenarioObservation, options: TimelineViewOptions = {}): TimelineLayout {
  ensureStyles();
  const layout = layoutTimeline(scenario, options);
  setMarkup(container, timelineMarkup(layout, { idPrefix: nextId(), heading: options.heading, open: options.open }));
  return layout;
}

export function compareTimelines(
  container: HTMLElement,
  attempt: ScenarioObservation,
  reference: ScenarioObservation,
  options: CompareOptions = {},
): [TimelineLayout, TimelineLayout] {
  ensureStyles();
  const pair = layoutPair(attempt, reference, options);
  setMarkup(
    container,
    compareMarkup(pair[0], pair[1], {
      idPrefix: nextId(),
      labelA: options.labelA ?? 'Your attempt',
      labelB: options.labelB ?? 'Reference solution',
      open: options.open,
    }),
  );
  return pair;
}

export function renderObservation(container: HTMLElement, observation: Observation, options: TimelineViewOptions = {}): TimelineLayout[] {
  ensureStyles();
  const scenarios = observation.compileError ? [] : observation.scenarios;
  if (!scenarios.length) {
    setMarkup(container, html`<p class="tl-empty">Nothing ran, so there is no timeline to draw.</p>`);
    return [];
  }
  const many = scenarios.length > 1;
  const layouts: TimelineLayout[] = [];
  const blocks = scenarios.map((scenario) => {
    const layout = layoutTimeline(scenario, options);
    layouts.push(layout);
    const heading = many ? `Case "${scenario.scenario}"` : options.heading;
    return timelineMarkup(layout, { idPrefix: nextId(), heading, open: options.open });
  });
  setMarkup(container, joinHtml(blocks));
  return layouts;
}
