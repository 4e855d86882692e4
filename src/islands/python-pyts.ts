/**
 * "Run Python" beside a Python/TypeScript pair (PyTs.astro). Imported by
 * python-pyts-loader.ts on the first click, never with the page. The click
 * turns the pair's Python into an editor (CodeMirror's Python mode), runs it
 * with Pyodide in the sandbox frame on the course's virtual clock, and shows
 * what it printed (with virtual times) and its Timeline, drawn by the same
 * code as TypeScript's runs.
 *
 * If Pyodide can't load, the page says so once, in the panel that asked,
 * and every "Run Python" button on the page is disabled; TypeScript's
 * runtime is separate and keeps working.
 */
import type { EditorView } from '@codemirror/view';
import { RUN_BUDGET_MS } from '../lib/harness/limits.ts';
import type { Observation } from '../lib/harness/observation.ts';
import { appendRows, showOutput } from './results-view.ts';
import { logRow } from './view-model.ts';
import { showTimelinePanel } from './timeline-panel.ts';
import { pythonRunner, PythonUnavailable } from './python-runner.ts';
import { createPythonEditor, showLine } from './python-editor.ts';
import workbenchStyles from '../components/exercise/workbench.css?inline';

const editors = new WeakMap<HTMLElement, EditorView>();
let unavailable: string | undefined;
let stylesAdded = false;

function addStyles(): void {
  if (stylesAdded) return;
  stylesAdded = true;
  // The output rows are the workbench's; a lesson without a workbench has no stylesheet for them.
  const style = document.createElement('style');
  style.textContent = workbenchStyles;
  document.head.append(style);
}

/** The pair's runnable Python: the editor once there is one, else the source the build put in the page. */
function sourceOf(area: HTMLElement): string {
  const view = editors.get(area);
  if (view) return view.state.doc.toString();
  return area.querySelector<HTMLTemplateElement>('template[data-pyts-source]')?.content.textContent ?? '';
}

/** Swaps the static Python (the block that runs) for an editor holding the same text. */
function makeEditable(figure: HTMLElement, area: HTMLElement): EditorView {
  let view = editors.get(area);
  if (view) return view;
  const doc = sourceOf(area);
  const blocks = figure.querySelectorAll<HTMLElement>('[data-pyts-py-pane] pre');
  const shown = blocks[blocks.length - 1];
  const host = document.createElement('div');
  host.className = 'pyts-editor';
  if (shown) shown.replaceWith(host);
  else area.before(host);
  view = createPythonEditor({ parent: host, doc, label: 'Python code editor', onRun: () => void run(figure, area) });
  editors.set(area, view);
  return view;
}

function disableAll(message: string): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-pyts-run]')) {
    button.setAttribute('aria-disabled', 'true');
    button.title = message;
  }
}

async function run(figure: HTMLElement, area: HTMLElement): Promise<void> {
  const button = area.querySelector<HTMLButtonElement>('button[data-pyts-run]')!;
  const status = area.querySelector<HTMLElement>('[data-pyts-status]')!;
  if (unavailable) return;
  if (button.getAttribute('aria-busy') === 'true') return;
  addStyles();
  const view = makeEditable(figure, area);
  const result = area.querySelector<HTMLElement>('[data-pyts-result]')!;
  const output = area.querySelector<HTMLElement>('[data-pyts-output]')!;
  button.setAttribute('aria-busy', 'true');
  const stop = area.querySelector<HTMLButtonElement>('button[data-pyts-stop]');
  if (stop) stop.hidden = false;
  const runner = pythonRunner();
  status.textContent = runner.lastLoad ? 'Running…' : 'Loading Python (the first run downloads it, once)…';
  output.replaceChildren();
  result.hidden = false;
  output.setAttribute('aria-busy', 'true');
  let observation: Observation;
  try {
    // No separate warm(): a Stop pressed while Python loads must find the run waiting.
    observation = await runner.run(
      { source: view.state.doc.toString(), mode: 'check' },
      { budgetMs: RUN_BUDGET_MS, onLine: (line) => appendRows(output, [logRow(line)]), onStart: () => (status.textContent = 'Running…') },
    );
  } catch (error) {
    button.removeAttribute('aria-busy');
    if (stop) stop.hidden = true;
    output.removeAttribute('aria-busy');
    result.hidden = true;
    if (!(error instanceof PythonUnavailable)) throw error;
    unavailable = `Python couldn't load in this browser (${error.message}), so the Python examples can't run here. The TypeScript ones still do.`;
    status.textContent = unavailable;
    disableAll("Python couldn't load in this browser");
    return;
  }
  button.removeAttribute('aria-busy');
  if (stop) stop.hidden = true;
  output.removeAttribute('aria-busy');
  showOutput(output, observation);
  const line = observation.compileError?.line;
  showLine(view, line, observation.compileError?.message);
  const total = observation.scenarios[0]?.totalTime;
  // Stopped by the learner or at the budget: the output says which; the status repeats it.
  const stoppedBy = observation.scenarios[0]?.errors.find((e) => e.kind === 'budget');
  status.textContent = observation.compileError
    ? `Python could not read the code (line ${line ?? '?'}).`
    : stoppedBy
      ? stoppedBy.message
      : `Ran in your browser${total === undefined ? '' : `; the course's clock reached ${total} ms`}.`;
  showTimelinePanel(output.parentElement ?? output, observation);
}

/** Stop: the page runs one Python program at a time, so this ends whichever is running. */
export function stopPair(): void {
  pythonRunner().stop();
}

/** The loader calls this with the pair whose "Run Python" was clicked. */
export function runPair(button: HTMLButtonElement): void {
  const figure = button.closest<HTMLElement>('[data-pyts]');
  const area = button.closest<HTMLElement>('[data-pyts-run-area]');
  if (!figure || !area) return;
  void run(figure, area);
}
