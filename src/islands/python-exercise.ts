/**
 * The Python side of an exercise (PythonExercise.astro): imported on the
 * first Run or Check in Python. Check describes the exercise's scenarios
 * for the Python harness (src/lib/python/exercise.ts), runs each in the
 * page's Pyodide (python-runner.ts) on the virtual clock, and judges the
 * Observation with the exercise's own checks and the seed computed here
 * from the code, exactly as the CLI does (`npm run check:exercise -- <id>
 * answer.py`), so page and CLI give the same verdict. Run runs the first
 * case and shows its output and Timeline.
 */
import type { EditorView } from '@codemirror/view';
import { CHECK_BUDGET_MS, RUN_BUDGET_MS } from '../lib/harness/limits.ts';
import { hashString } from '../lib/harness/random.ts';
import type { Observation } from '../lib/harness/observation.ts';
import { judge } from '../lib/judge/judge.ts';
import { STOPPED_BY_LEARNER } from '../lib/harness/stopped.ts';
import { combineObservations, exportNames, pythonCheck, pythonVerdict } from '../lib/python/exercise.ts';
import { loadCheckSpec } from '../components/exercise/check-specs.ts';
import { appendRows, showOutput, showVerdict } from './results-view.ts';
import { logRow, verdictView } from './view-model.ts';
import { showTimelinePanel } from './timeline-panel.ts';
import { pythonRunner, PythonUnavailable } from './python-runner.ts';
import { createPythonEditor, showLine } from './python-editor.ts';

const editors = new WeakMap<HTMLElement, EditorView>();
/** Panels whose learner pressed Stop during the current Run or Check. */
const stopRequested = new WeakSet<HTMLElement>();

/** The Language choice: shows the Python panel (with its editor) or the TypeScript workbench. */
export function chooseLanguage(root: HTMLElement, language: string): void {
  const python = language === 'python';
  const panel = root.querySelector<HTMLElement>('[data-py-panel]')!;
  panel.hidden = !python;
  const workbench = root.closest<HTMLElement>('section.wb');
  if (workbench) {
    if (python) workbench.dataset.language = 'python';
    else delete workbench.dataset.language;
  }
  if (python) editorFor(root);
}

function editorFor(root: HTMLElement): EditorView {
  let view = editors.get(root);
  if (!view) {
    const starter = root.querySelector<HTMLTemplateElement>('template[data-py-starter]')?.content.textContent ?? '';
    view = createPythonEditor({ parent: root.querySelector<HTMLElement>('[data-py-editor]')!, doc: starter, label: 'Python code editor', onRun: () => void act(root, 'run') });
    editors.set(root, view);
  }
  return view;
}

export async function act(root: HTMLElement, action: string): Promise<void> {
  const id = root.dataset.pyExercise!;
  const view = editorFor(root);
  const status = root.querySelector<HTMLElement>('[data-py-status]')!;
  const output = root.querySelector<HTMLElement>('[data-py-output]')!;
  const results = root.querySelector<HTMLElement>('[data-py-results]')!;
  const runner = pythonRunner();
  const stop = root.querySelector<HTMLButtonElement>('button[data-py-action="stop"]');
  if (action === 'stop') {
    // The loop below sees the flag and starts no further case.
    if (runner.stop()) stopRequested.add(root);
    return;
  }
  const buttons = [...root.querySelectorAll<HTMLButtonElement>('button[data-py-action]:not([data-py-action="stop"])')];
  if (buttons.some((b) => b.getAttribute('aria-busy') === 'true')) return;
  const source = view.state.doc.toString();
  stopRequested.delete(root);
  buttons.forEach((b) => b.setAttribute('aria-busy', 'true'));
  if (stop) stop.hidden = false;
  status.textContent = runner.lastLoad ? (action === 'check' ? 'Checking…' : 'Running…') : 'Loading Python (the first run downloads it, once)…';
  output.replaceChildren();
  output.hidden = false;
  results.replaceChildren();
  results.hidden = true;
  try {
    const spec = await loadCheckSpec(id);
    const seed = hashString(source);
    const plan = pythonCheck(id, spec, source, seed);
    // No separate warm(): a Stop pressed while Python loads must find the run waiting.
    const runs: Observation[] = [];
    const requests = action === 'check' ? plan.requests : plan.requests.slice(0, 1);
    for (const request of requests) {
      const run = await runner.run(request, {
        exercise: id,
        seed,
        budgetMs: action === 'check' ? CHECK_BUDGET_MS : RUN_BUDGET_MS,
        onLine: action === 'run' ? (line) => appendRows(output, [logRow(line)]) : undefined,
        onStart: () => (status.textContent = action === 'check' ? 'Checking…' : 'Running…'),
      });
      runs.push(run);
      if (run.compileError || stopRequested.has(root)) break;
    }
    const observation = combineObservations(id, seed, runs, plan.labels);
    showOutput(output, observation);
    const line = observation.compileError?.line;
    showLine(view, line, observation.compileError?.message);
    if (stopRequested.has(root)) {
      status.textContent = STOPPED_BY_LEARNER;
    } else if (action === 'check') {
      const verdict = pythonVerdict(judge(spec, observation, { seed }), { ...exportNames(spec.exports), ...plan.names });
      showVerdict(results, verdictView(verdict));
      results.hidden = false;
      status.textContent = verdict.passed ? 'Passed: all checks passed.' : verdict.summary;
    } else {
      status.textContent = observation.compileError ? `Python could not read the code (line ${line ?? '?'}).` : 'Ran the first case in your browser.';
    }
    // The Timeline goes last in the Python panel, after the results.
    showTimelinePanel(results, observation);
  } catch (error) {
    output.hidden = true;
    status.textContent =
      error instanceof PythonUnavailable
        ? `Python couldn't load in this browser (${error.message}). The TypeScript version of this exercise still works: choose TypeScript above.`
        : `The Python check could not run: ${(error as Error).message}`;
  } finally {
    buttons.forEach((b) => b.removeAttribute('aria-busy'));
    if (stop) stop.hidden = true;
  }
}
