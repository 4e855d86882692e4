/**
 * The Timeline panel of an exercise or sandbox: a "Timeline" disclosure
 * placed after the output (or the check results) that shows, after every
 * Run and Check, what ran when (src/islands/timeline.ts). After a Check it
 * offers "Compare with the reference solution": the reference is run the
 * same way (same seed, so the same cases) and each case is drawn as
 * "Your attempt" above "Reference solution" on one time scale.
 *
 *   showTimelinePanel(after, observation, { reference?, entry?, open? }) → void
 *     after      the element the panel follows (created once, then reused,
 *                so its open/closed state survives the next run)
 *     reference  runs the reference solution and resolves with its
 *                Observation; omit it for Run and for sandboxes
 *     entry      the exported function the run called: a marker shows
 *                where it returned
 *     open       open the panel (after a failed Check whose failing check
 *                is about timing: the chart is what it is about)
 *
 * Loaded with a dynamic import() the first time a run finishes, so it
 * costs nothing before that.
 */
import type { Observation } from '../lib/harness/observation.ts';
import { compareTimelines, renderObservation } from './timeline.ts';
import { html } from '../lib/html.ts';
import { setMarkup } from './safe-dom.ts';

export interface TimelinePanelOptions {
  reference?: () => Promise<Observation>;
  entry?: string;
  open?: boolean;
}

export function showTimelinePanel(after: HTMLElement, observation: Observation, options: TimelinePanelOptions = {}): void {
  let panel = after.parentElement?.querySelector<HTMLDetailsElement>(':scope > details[data-timeline-panel]') ?? null;
  if (!panel) {
    panel = document.createElement('details');
    panel.className = 'tl-panel';
    panel.dataset.timelinePanel = '';
    setMarkup(
      panel,
      html`<summary>Timeline</summary><div class="tl-panel-body"><p class="tl-panel-intro">What ran when: one row per timer, fetch or piece of blocking work; dots mark printed lines.</p><div data-timeline-view></div><button type="button" class="tl-panel-button" data-timeline-compare-button hidden>Compare with the reference solution</button><p class="tl-panel-status" role="status"></p><div data-timeline-comparison></div></div>`,
    );
    after.after(panel);
  }
  const view = panel.querySelector<HTMLElement>('[data-timeline-view]')!;
  const button = panel.querySelector<HTMLButtonElement>('[data-timeline-compare-button]')!;
  const status = panel.querySelector<HTMLElement>('.tl-panel-status')!;
  const comparison = panel.querySelector<HTMLElement>('[data-timeline-comparison]')!;
  renderObservation(view, observation, { entry: options.entry });
  if (options.open) panel.open = true;
  view.hidden = false;
  comparison.replaceChildren();
  status.textContent = '';

  const reference = options.reference;
  const comparable = !!reference && !observation.compileError && observation.scenarios.length > 0;
  button.hidden = !comparable;
  button.removeAttribute('aria-disabled');
  button.onclick = !comparable
    ? null
    : async () => {
        if (button.getAttribute('aria-disabled') === 'true') return;
        button.setAttribute('aria-disabled', 'true');
        status.textContent = 'Running the reference solution…';
        try {
          const solution = await reference();
          compare(comparison, observation, solution, options.entry);
          // The comparison repeats the attempt; one copy is enough.
          view.hidden = true;
          status.textContent = 'Your attempt and the reference solution, case by case, each pair on one time scale.';
          panel.open = true;
        } catch (error) {
          status.textContent = `Could not run the reference solution: ${(error as Error).message}`;
        } finally {
          button.removeAttribute('aria-disabled');
        }
      };
}

/** Each case of the attempt beside the reference's case of the same name. */
function compare(container: HTMLElement, attempt: Observation, reference: Observation, entry: string | undefined): void {
  container.replaceChildren();
  const byName = new Map(reference.scenarios.map((s) => [s.scenario, s]));
  const many = attempt.scenarios.length > 1;
  for (const scenario of attempt.scenarios) {
    const other = byName.get(scenario.scenario);
    if (!other) continue;
    const block = document.createElement('div');
    block.className = 'tl-panel-case';
    if (many) {
      const heading = document.createElement('p');
      heading.className = 'tl-panel-case-name';
      heading.textContent = `Case "${scenario.scenario}"`;
      block.append(heading);
    }
    const chart = document.createElement('div');
    block.append(chart);
    container.append(block);
    compareTimelines(chart, scenario, other, { entry });
  }
  if (!container.childElementCount) {
    container.textContent = 'The reference solution ran different cases, so there is nothing to compare side by side.';
  }
}
