/**
 * The exercise / sandbox island, loaded by <course-workbench> (loader.ts)
 * when it comes into view or is used. It turns the static shell into a
 * working panel: the editor, Run and Check through a Runner, the verdict
 * judged in the page, hints, Reset and Show solution, and saving the
 * learner's code as it is typed.
 */
import type { EditorView } from '@codemirror/view';
import type { Diagnostic } from '@codemirror/lint';
import type { Observation, LogLine } from '../lib/harness/observation.ts';
import { PROGRAM_ID } from '../lib/exercise/program-spec.ts';
import { hashString as seedFor } from '../lib/harness/random.ts';
// Check specs, one lazy chunk per exercise: only the one being checked is fetched.
import { loadCheckSpec } from '../components/exercise/check-specs.ts';
import { actionSelector, isAction, readWorkbenchConfig, HOOKS, type Action, type WorkbenchConfig } from '../components/exercise/workbench-hooks.ts';
import { checkTypes, createEditor, refreshLint, replaceDoc } from './editor.ts';
import { awaitingTypes } from '../lib/judge/types-check.ts';
import { codeProgress, recordPass } from './progress.ts';
import { createBrowserRunner, runtime, type RunnerHandle } from './runtime.ts';
import { attachRuntimePanel, type RuntimePanel } from './runtime-panel.ts';
import { outputRow, placeholder } from './output-row.ts';
import { WorkbenchControls } from './workbench-controls.ts';
import { showEarlierPass, wasPassed } from './passed-state.ts';
import { SolutionGate } from './solution-gate.ts';
import { attachFocusMode } from './focus-mode.ts';
import { attachShare } from './share.ts';

/** The schema, view models and judge (run-results.ts), fetched at the first sign of a run: needed only once one returns. */
type Results = typeof import('./run-results.ts');
let resultsModule: Promise<Results> | undefined;
const loadResults = () => (resultsModule ??= import('./run-results.ts'));

/** Saving waits for a pause in typing; pagehide saves at once. */
const SAVE_DELAY_MS = 400;

const isMac = /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

export function upgrade(root: HTMLElement, firstAction: string | undefined): void {
  if (root.dataset.upgraded) return;
  new Workbench(root).start(firstAction);
}

class Workbench {
  readonly root: HTMLElement;
  readonly config: WorkbenchConfig;
  readonly kind: WorkbenchConfig['kind'];
  readonly ui: WorkbenchControls;
  readonly original: string;
  view!: EditorView;
  readonly #browser = createBrowserRunner();
  #warmed = false;
  /** The runner of the run in progress, for Stop. */
  #active: RunnerHandle['runner'] | undefined;
  /** Run's output playing at its own pace, for Stop (which shows the rest at once). */
  #pacer: { stop(): void } | undefined;
  #panel: RuntimePanel | undefined;
  #busy = false;
  #runDiagnostics: Diagnostic[] = [];
  #saveTimer: ReturnType<typeof setTimeout> | undefined;
  #dirty = false;
  #storageWarned = false;
  /** Exercises only: when Show solution is offered, and its one question. */
  #solutionGate: SolutionGate | undefined;

  constructor(root: HTMLElement) {
    this.root = root;
    this.config = readWorkbenchConfig(root.dataset[HOOKS.config]);
    this.kind = this.config.kind;
    this.ui = new WorkbenchControls(root);
    const pre = this.ui.find('editor')?.querySelector('pre');
    this.original = (pre?.textContent ?? '').replace(/\n?$/, '\n');
  }

  start(firstAction: string | undefined): void {
    const host = this.ui.find('editor')!;
    const pre = host.querySelector('pre');
    const loaded = codeProgress.load(this.kind, this.config.id);
    if (loaded.message) this.ui.notice(loaded.message);
    const restored = loaded.code !== undefined && loaded.code !== this.original ? loaded.code : undefined;
    if (pre) this.ui.retire(pre);
    this.view = createEditor({
      parent: host,
      doc: restored ?? this.original,
      onChange: () => this.#codeChanged(),
      onRun: () => void this.run('run'),
      onCheck: this.kind === 'exercise' ? () => void this.run('check') : undefined,
      onFocus: () => void this.#warm(),
      runDiagnostics: () => this.#runDiagnostics,
    });
    this.ui.whenInView(host, () => this.view.requestMeasure());
    if (restored !== undefined) {
      this.ui.notice(`Your code from your last visit is back. Reset goes back to the ${this.kind === 'exercise' ? 'starter code' : 'original example'}.`);
    }
    this.#wireButtons();
    if (this.kind === 'exercise') {
      showEarlierPass(this.ui.find('results'), this.config.id);
      this.#solutionGate = new SolutionGate(this.ui.button('solution'), wasPassed(this.config.id));
      attachFocusMode(this.root, () => this.view.requestMeasure());
      attachShare({
        root: this.root,
        exercise: this.config.id,
        code: () => this.view.state.doc.toString(),
        use: (code) => replaceDoc(this.view, code),
        notice: (text) => this.ui.notice(text),
        announce: (text) => this.ui.announce(text),
      });
    }
    this.#panel = attachRuntimePanel(this.root);
    this.ui.showShortcuts(isMac);
    addEventListener('pagehide', () => this.#saveNow());
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') this.#saveNow();
    });
    this.root.dataset.upgraded = '';
    if (isAction(firstAction)) this.#act(firstAction);
  }

  #wireButtons(): void {
    // Intent to run (the pointer on the buttons, or keyboard focus on them) starts the
    // sandbox, so the first Run doesn't wait for it: a head start of a few hundred ms.
    const toolbar = this.root.querySelector('.wb-toolbar');
    const warm = () => void this.#warm();
    toolbar?.addEventListener('pointerover', warm, { once: true });
    toolbar?.addEventListener('focusin', warm, { once: true });
    this.root.addEventListener('click', (event) => {
      const button = (event.target as Element).closest<HTMLButtonElement>(actionSelector());
      if (!button || !this.root.contains(button) || button.closest('dialog')) return;
      if (isAction(button.dataset.action)) this.#act(button.dataset.action);
    });
  }

  #act(action: Action): void {
    if (action === 'run' || action === 'check') void this.run(action);
    else if (action === 'stop') {
      this.#active?.stop();
      this.#pacer?.stop();
    }
    else if (action === 'reset') this.ui.askReset(() => this.#reset());
    else if (action === 'solution') this.#solutionGate ? this.#solutionGate.request(() => this.ui.toggleSolution()) : this.ui.toggleSolution();
    else {
      this.ui.nextHint();
      // Every hint shown: the solution is offered.
      if (this.ui.find('hintDone')?.hidden === false) this.#solutionGate?.offer();
    }
  }

  /** The runner for the next run: Node.js once it has booted and is chosen, else this panel's browser runner (never waits for a boot). */
  #warm(): Promise<RunnerHandle> {
    if (!this.#warmed) {
      this.#warmed = true;
      void this.#browser.warm().catch(() => undefined);
      void loadResults().catch(() => undefined);
    }
    return Promise.resolve(runtime.current(this.#browser));
  }

  async run(mode: 'run' | 'check'): Promise<void> {
    if (this.#busy) return;
    this.#setBusy(true, mode);
    const source = this.view.state.doc.toString();
    this.#saveNow();
    const output = this.ui.find('output')!;
    output.replaceChildren(placeholder(mode === 'run' ? 'Running…' : 'Checking…'));
    if (mode === 'check') this.ui.find('results')?.replaceChildren(placeholder('Checking…'));
    try {
      const { runner } = await this.#warm();
      const results = await loadResults();
      const { readLogLines, readObservation, UNREADABLE_RUN, logRow } = results;
      this.#active = runner;
      // Run is on the simulated clock like Check; its lines are played back at the time they were printed.
      const pacer = mode === 'run' ? new results.OutputPacer(output) : undefined;
      this.#pacer = pacer;
      // Node.js runs stream raw into the terminal too (with the budget kill notice).
      const terminal = runner.shell ? await this.#panel?.terminal(runner) : undefined;
      // The spec is fetched alongside the run, so judging doesn't wait for it; Run reads only which export it calls.
      const spec = this.kind === 'exercise' ? loadCheckSpec(this.config.id) : undefined;
      spec?.catch(() => undefined);
      // The Types check, from the editor's type checker (the CLI's); it adds nothing if the checker can't load.
      const types = mode === 'check' ? checkTypes(this.view, source) : undefined;
      const observation = await runner.run(
        {
          exercise: this.kind === 'exercise' ? this.config.id : PROGRAM_ID,
          source,
          mode,
          // The CLI's seed for the same text, so page and CLI verdicts agree.
          seed: seedFor(source),
          budgetMs: mode === 'check' ? this.config.checkBudgetMs : this.config.runBudgetMs,
          routes: this.kind === 'sandbox' ? this.config.routes : undefined,
        },
        {
          onLogs: (_scenario, sent: LogLine[]) => {
            if (mode !== 'run') return;
            // Streamed lines pass the same schema as the final Observation; a batch that doesn't is skipped (the final one decides).
            const lines = readLogLines(sent);
            if (lines) pacer?.stream(lines.map(logRow));
          },
          onTerminal: terminal ? (chunk: string) => terminal.write(chunk) : undefined,
        },
      );
      // Whatever the runtime sent is hostile until it passes the schema; nothing reads it before.
      // A turn of the event loop between validating and drawing (and before the Timeline), so a
      // thousand-line run is several short main-thread tasks, not one long one.
      await nextTask();
      const reading = readObservation(observation);
      if (!reading.ok) {
        this.#showUnreadable(results, mode, reading.reason, UNREADABLE_RUN);
        return;
      }
      const checked = reading.observation;
      await nextTask();
      const entry = results.entryOf((await spec?.catch(() => undefined))?.exports);
      if (pacer) {
        this.#markErrors(results, checked, entry);
        // A run on the real clock has already taken its time: nothing to play back.
        if (checked.scenarios.some((s) => s.clock === 'real')) pacer.flush();
        pacer.finish(results.outputRows(checked, { entry }), 'Nothing was printed.');
        await pacer.done;
      } else {
        results.showOutput(output, checked, { entry });
        this.#markErrors(results, checked, entry);
      }
      await nextTask();
      if (mode === 'check') {
        const judged = results.judge(await spec!, checked, { seed: seedFor(source) });
        // The behaviour is judged; on a fresh page the type checker may still be starting. Show what
        // is known now rather than hold it all for TypeScript; the full verdict replaces it.
        if (!(await settledNow(types!))) {
          const early = this.ui.find('results');
          if (early) results.showVerdict(early, results.verdictView(awaitingTypes(judged)));
        }
        const verdict = (await types!)(judged);
        // Drawn once the verdict is known: a failed check about timing opens the Timeline by itself.
        void this.#showTimeline(checked, mode, entry, results.readsTiming(verdict));
        // Kept in the learner's progress (the course map counts it); it stays passed.
        if (verdict.passed && this.kind === 'exercise') recordPass(this.config.id);
        // After the first Check, the solution is offered (hints first: solution-gate.ts).
        this.#solutionGate?.offer();
        const region = this.ui.find('results');
        if (region) results.showVerdict(region, results.verdictView(verdict));
        this.ui.announce(`Check finished: ${verdict.summary}.`);
      } else {
        void this.#showTimeline(checked, mode, entry, false);
        this.ui.announce(pacer?.cut ? 'Run stopped.' : `Run finished: ${results.runSummary(checked, entry)}`);
      }
    } catch (error) {
      output.replaceChildren(outputRow({ kind: 'error', text: `Something went wrong in the course, not in your code: ${(error as Error).message}. Reload the page to try again.` }));
      this.ui.announce('The run failed.');
    } finally {
      this.#pacer = undefined;
      this.#setBusy(false, mode);
    }
  }

  /** A run whose Observation failed the schema: a plain verdict, never a pass, and nothing of what it sent on the page. */
  #showUnreadable({ showVerdict }: Results, mode: 'run' | 'check', reason: string, text: string): void {
    console.warn(`The runtime sent an Observation the page rejected (${reason}).`);
    this.ui.find('output')!.replaceChildren(outputRow({ kind: 'error', text }));
    const results = this.ui.find('results');
    if (mode === 'check' && results) showVerdict(results, { passed: false, summary: text, items: [] });
    this.#runDiagnostics = [];
    refreshLint(this.view);
    this.ui.announce(`${mode === 'run' ? 'Run' : 'Check'} finished: ${text}`);
  }

  /** The Timeline panel after the output or results (timeline-panel.ts, loaded the first time a run ends). */
  async #showTimeline(observation: Observation, mode: 'run' | 'check', entry: string | undefined, open: boolean): Promise<void> {
    const after = this.ui.find('results') ?? this.ui.find('output');
    const solution = this.ui.find<HTMLTemplateElement & HTMLElement>('solution')?.content.textContent ?? undefined;
    if (!after) return;
    const { showTimelinePanel } = await import('./timeline-panel.ts');
    showTimelinePanel(after, observation, {
      entry,
      open,
      reference: mode === 'check' && solution ? () => this.#runReference(solution.replace(/\n?$/, '\n'), observation.seed) : undefined,
    });
  }

  /** The reference solution, checked as the learner's code just was (same seed, same cases), for the timeline comparison. */
  async #runReference(source: string, seed: number): Promise<Observation> {
    if (this.#busy) throw new Error('wait for the current run to finish');
    this.#setBusy(true, 'check');
    try {
      const { runner } = await this.#warm();
      const { readObservation, UNREADABLE_RUN } = await loadResults();
      const reading = readObservation(await runner.run({ exercise: this.config.id, source, mode: 'check', seed, budgetMs: this.config.checkBudgetMs }));
      if (!reading.ok) throw new Error(UNREADABLE_RUN);
      return reading.observation;
    } finally {
      this.#setBusy(false, 'check');
    }
  }

  #setBusy(busy: boolean, mode: 'run' | 'check'): void {
    this.#busy = busy;
    // aria-disabled, not disabled: the focused button keeps focus while it runs.
    for (const action of ['run', 'check'] as const) {
      if (busy) this.ui.button(action)?.setAttribute('aria-disabled', 'true');
      else this.ui.button(action)?.removeAttribute('aria-disabled');
    }
    const active = this.ui.button(mode);
    if (active) active.textContent = busy ? (mode === 'run' ? 'Running…' : 'Checking…') : mode === 'run' ? 'Run' : 'Check';
    const stop = this.ui.button('stop');
    if (stop) stop.hidden = !busy || mode === 'check';
    this.ui.find('output')?.setAttribute('aria-busy', String(busy));
    this.root.toggleAttribute('data-busy', busy);
  }

  #markErrors({ errorPosition, offsetOf }: Results, observation: Observation, entry: string | undefined): void {
    const at = errorPosition(observation, entry);
    const lines = this.view.state.doc.toString().split('\n');
    this.#runDiagnostics = at ? [{ ...offsetOf(lines, at.line, at.column), severity: at.severity, message: at.message }] : [];
    refreshLint(this.view);
  }

  #codeChanged(): void {
    this.#runDiagnostics = [];
    this.#dirty = true;
    clearTimeout(this.#saveTimer);
    this.#saveTimer = setTimeout(() => this.#saveNow(), SAVE_DELAY_MS);
  }

  #saveNow(): void {
    clearTimeout(this.#saveTimer);
    if (!this.#dirty) return;
    const result = codeProgress.save(this.kind, this.config.id, this.view.state.doc.toString());
    if (result.ok) {
      this.#dirty = false;
      if (this.#storageWarned) {
        this.#storageWarned = false;
        this.ui.notice(undefined);
      }
    } else if (!this.#storageWarned) {
      // Said once; the code stays in the editor whatever happens.
      this.#storageWarned = true;
      this.ui.notice(result.message);
    }
  }

  #reset(): void {
    replaceDoc(this.view, this.original);
    this.#saveNow();
    this.ui.notice(undefined);
    this.ui.announce('The code is back to where it started. Ctrl+Z in the editor undoes this.');
  }
}

/** Yields to the event loop, so the page can paint and take input between two pieces of work. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Whether a promise has already settled, after letting its reactions run (no timer: a few microtasks). */
async function settledNow(promise: Promise<unknown>): Promise<boolean> {
  let settled = false;
  promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  for (let i = 0; i < 3; i++) await Promise.resolve();
  return settled;
}
