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
import type { CheckSpec, Route } from '../lib/exercise/spec.ts';
import { PROGRAM_ID } from '../lib/exercise/program-spec.ts';
import { judge } from '../lib/judge/judge.ts';
import { createEditor, refreshLint, replaceDoc } from './editor.ts';
import type { CodeKind } from './storage.ts';
import { codeProgress, recordPass } from './progress.ts';
import { createBrowserRunner, runtime, type RunnerHandle } from './runtime.ts';
import { attachRuntimePanel, type RuntimePanel } from './runtime-panel.ts';
import type { WebContainerRunner } from '../lib/runtime/webcontainer/webcontainer-runner.ts';
import { seedFor } from './seed.ts';
import {
  errorPosition,
  logRow,
  offsetOf,
  outputRows,
  shortcuts,
  verdictView,
  type OutputRow,
  type VerdictView,
} from './view-model.ts';

/** Check specs, one lazy chunk per exercise: only the one being checked is fetched. */
const specLoaders = import.meta.glob<CheckSpec>('../../content/exercises/*/check.ts', { import: 'default' });

function loadSpec(id: string): Promise<CheckSpec> {
  const load = specLoaders[`../../content/exercises/${id}/check.ts`];
  if (!load) return Promise.reject(new Error(`There is no check for the exercise "${id}".`));
  return load();
}

/** Saving waits for a pause in typing; pagehide saves at once. */
const SAVE_DELAY_MS = 400;

const isMac = /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

export function upgrade(root: HTMLElement, firstAction: string | undefined): void {
  if (root.dataset.upgraded) return;
  new Workbench(root).start(firstAction);
}

class Workbench {
  readonly root: HTMLElement;
  readonly kind: CodeKind;
  readonly id: string;
  readonly budgetMs: number;
  /** Check's own real-time budget (exercise.json checkBudgetMs, as budgetFor gives the CLI). */
  readonly checkBudgetMs: number;
  readonly routes: Record<string, Route> | undefined;
  readonly original: string;
  view!: EditorView;
  readonly #browser = createBrowserRunner();
  #warmed = false;
  /** The runner of the run in progress, for Stop. */
  #active: RunnerHandle['runner'] | undefined;
  #panel: RuntimePanel | undefined;
  #busy = false;
  #runDiagnostics: Diagnostic[] = [];
  #saveTimer: ReturnType<typeof setTimeout> | undefined;
  #dirty = false;
  #storageWarned = false;

  constructor(root: HTMLElement) {
    this.root = root;
    this.kind = root.dataset.kind === 'sandbox' ? 'sandbox' : 'exercise';
    this.id = root.dataset.id ?? '';
    this.budgetMs = Number(root.dataset.budget) || 5000;
    this.checkBudgetMs = Number(root.dataset.checkBudget) || 3000;
    this.routes = root.dataset.routes ? (JSON.parse(root.dataset.routes) as Record<string, Route>) : undefined;
    const pre = root.querySelector<HTMLElement>('[data-editor] pre');
    this.original = (pre?.textContent ?? '').replace(/\n?$/, '\n');
  }

  $<T extends HTMLElement = HTMLElement>(selector: string): T | null {
    return this.root.querySelector<T>(selector);
  }

  button(action: string): HTMLButtonElement | null {
    return this.$<HTMLButtonElement>(`button[data-action="${action}"]`);
  }

  start(firstAction: string | undefined): void {
    const host = this.$('[data-editor]')!;
    const pre = host.querySelector('pre');
    const loaded = codeProgress.load(this.kind, this.id);
    if (loaded.message) this.notice(loaded.message);
    const restored = loaded.saved && loaded.saved.code !== this.original ? loaded.saved.code : undefined;
    // The static code stays in the document (its text is the starter for Reset), out of
    // sight, out of the tab order and out of the accessibility tree (.wb-replaced, inert).
    if (pre) {
      pre.classList.add('wb-replaced');
      pre.setAttribute('aria-hidden', 'true');
      pre.tabIndex = -1;
      pre.inert = true;
    }
    this.view = createEditor({
      parent: host,
      doc: restored ?? this.original,
      onChange: () => this.#codeChanged(),
      onRun: () => void this.run('run'),
      onCheck: this.kind === 'exercise' ? () => void this.run('check') : undefined,
      onFocus: () => void this.#warm(),
      runDiagnostics: () => this.#runDiagnostics,
    });
    // An editor set up off screen (the island loads a screen ahead) guessed the heights of
    // its wrapped lines; measure again whenever it comes into view, or the line numbers drift.
    new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) this.view.requestMeasure();
    }).observe(host);
    if (restored !== undefined) {
      this.notice(`Your code from your last visit is back. Reset goes back to the ${this.kind === 'exercise' ? 'starter code' : 'original example'}.`);
    }
    this.#wireButtons();
    this.#panel = attachRuntimePanel(this.root);
    this.#showShortcuts();
    addEventListener('pagehide', () => this.#saveNow());
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') this.#saveNow();
    });
    this.root.dataset.upgraded = '';
    if (firstAction) this.#act(firstAction);
  }

  #wireButtons(): void {
    // Intent to run (the pointer on the buttons, or keyboard focus on them) starts the
    // sandbox, so the first Run doesn't wait for it: a head start of a few hundred ms.
    const toolbar = this.$('.wb-toolbar');
    const warm = () => void this.#warm();
    toolbar?.addEventListener('pointerover', warm, { once: true });
    toolbar?.addEventListener('focusin', warm, { once: true });
    this.root.addEventListener('click', (event) => {
      const button = (event.target as Element).closest<HTMLButtonElement>('button[data-action]');
      if (!button || !this.root.contains(button) || button.closest('dialog')) return;
      this.#act(button.dataset.action!);
    });
  }

  #act(action: string): void {
    switch (action) {
      case 'run':
        void this.run('run');
        break;
      case 'check':
        void this.run('check');
        break;
      case 'stop':
        this.#active?.stop();
        break;
      case 'reset':
        this.#askReset();
        break;
      case 'solution':
        this.#toggleSolution();
        break;
      case 'hint':
        this.#nextHint();
        break;
    }
  }

  #showShortcuts(): void {
    const keys = shortcuts(isMac);
    const run = this.button('run');
    const check = this.button('check');
    if (run) run.title = `Run (${keys.run})`;
    if (check) check.title = `Check (${keys.check})`;
    if (isMac) {
      for (const kbd of this.root.querySelectorAll('[data-keys] kbd, .wb-dialog kbd')) {
        kbd.textContent = (kbd.textContent ?? '').replace('Ctrl', '⌘');
      }
    }
  }

  // ── running ────────────────────────────────────────────────────────────

  /** The runner for the next run: Node.js once it has booted and is chosen, else this panel's browser runner (never waits for a boot). */
  #warm(): Promise<RunnerHandle> {
    if (!this.#warmed) {
      this.#warmed = true;
      void this.#browser.warm().catch(() => undefined);
    }
    return Promise.resolve(runtime.current(this.#browser));
  }

  async run(mode: 'run' | 'check'): Promise<void> {
    if (this.#busy) return;
    this.#setBusy(true, mode);
    const source = this.view.state.doc.toString();
    this.#saveNow();
    const output = this.$('[data-output]')!;
    output.replaceChildren(this.#placeholder(mode === 'run' ? 'Running…' : 'Checking…'));
    if (mode === 'check') this.$('[data-results]')?.replaceChildren(this.#placeholder('Checking…'));
    let streamed = 0;
    try {
      const { runner } = await this.#warm();
      this.#active = runner;
      // Node.js runs stream raw into the terminal too (with the budget kill notice).
      const terminal = runner.kind === 'webcontainer' ? await this.#panel?.terminal(runner as WebContainerRunner) : undefined;
      // Check's spec is fetched alongside the run, so judging doesn't wait for it.
      const spec = mode === 'check' ? loadSpec(this.id) : undefined;
      spec?.catch(() => undefined);
      const observation = await runner.run(
        {
          exercise: this.kind === 'exercise' ? this.id : PROGRAM_ID,
          source,
          mode,
          // The CLI's seed for the same text, so page and CLI verdicts agree.
          seed: seedFor(source),
          budgetMs: mode === 'check' ? this.checkBudgetMs : this.budgetMs,
          routes: this.kind === 'sandbox' ? this.routes : undefined,
        },
        {
          onLogs: (_scenario, lines: LogLine[]) => {
            if (mode !== 'run') return;
            if (streamed === 0) output.replaceChildren();
            streamed += lines.length;
            this.#appendRows(output, lines.map(logRow));
          },
          onTerminal: terminal ? (chunk: string) => terminal.write(chunk) : undefined,
        },
      );
      this.#showOutput(observation);
      this.#markErrors(observation);
      void this.#showTimeline(observation, mode);
      if (mode === 'check') {
        const verdict = judge(await spec!, observation, { seed: seedFor(source) });
        this.#showVerdict(verdictView(verdict));
        this.announce(`Check finished: ${verdict.summary}.`);
      } else {
        this.announce(`Run finished: ${this.#runSummary(observation)}`);
      }
    } catch (error) {
      output.replaceChildren(this.#row({ kind: 'error', text: `Something went wrong in the course, not in your code: ${(error as Error).message}. Reload the page to try again.` }));
      this.announce('The run failed.');
    } finally {
      this.#setBusy(false, mode);
    }
  }

  /** The Timeline panel after the output or results (timeline-panel.ts, loaded the first time a run ends). */
  async #showTimeline(observation: Observation, mode: 'run' | 'check'): Promise<void> {
    const after = this.$('[data-results]') ?? this.$('[data-output]');
    const solution = this.$<HTMLTemplateElement>('template[data-solution]')?.content.textContent ?? undefined;
    if (!after) return;
    const { showTimelinePanel } = await import('./timeline-panel.ts');
    showTimelinePanel(after, observation, {
      reference: mode === 'check' && solution ? () => this.#runReference(solution.replace(/\n?$/, '\n'), observation.seed) : undefined,
    });
  }

  /** The reference solution, checked as the learner's code just was (same seed, same cases), for the timeline comparison. */
  async #runReference(source: string, seed: number): Promise<Observation> {
    if (this.#busy) throw new Error('wait for the current run to finish');
    this.#setBusy(true, 'check');
    try {
      const { runner } = await this.#warm();
      return await runner.run({ exercise: this.id, source, mode: 'check', seed, budgetMs: this.checkBudgetMs });
    } finally {
      this.#setBusy(false, 'check');
    }
  }

  #runSummary(observation: Observation): string {
    if (observation.compileError) return 'your code has a syntax error.';
    const scenario = observation.scenarios[0];
    if (!scenario) return 'nothing ran.';
    const lines = scenario.logs.length;
    const error = scenario.errors[0];
    const printed = `${lines} ${lines === 1 ? 'line' : 'lines'} printed`;
    if (error) return `${printed}, then an error: ${error.message}`;
    if (scenario.settled.state === 'rejected') return `${printed}, then main failed.`;
    return `${printed}.`;
  }

  #setBusy(busy: boolean, mode: 'run' | 'check'): void {
    this.#busy = busy;
    for (const action of ['run', 'check']) {
      const b = this.button(action);
      if (!b) continue;
      // aria-disabled, not disabled: the focused button keeps focus while it runs.
      if (busy) b.setAttribute('aria-disabled', 'true');
      else b.removeAttribute('aria-disabled');
    }
    const active = this.button(mode);
    if (active) active.textContent = busy ? (mode === 'run' ? 'Running…' : 'Checking…') : mode === 'run' ? 'Run' : 'Check';
    const stop = this.button('stop');
    if (stop) stop.hidden = !busy || mode === 'check';
    this.$('[data-output]')?.setAttribute('aria-busy', String(busy));
    this.root.toggleAttribute('data-busy', busy);
  }

  #placeholder(text: string): HTMLElement {
    const p = document.createElement('p');
    p.className = 'wb-placeholder';
    p.textContent = text;
    return p;
  }

  #row(row: OutputRow): HTMLElement {
    const div = document.createElement('div');
    div.className = `wb-line wb-${row.kind}`;
    const time = document.createElement('span');
    time.className = 'wb-t';
    if (row.t !== undefined) time.textContent = `${(row.t / 1000).toFixed(2)} s`;
    const text = document.createElement('span');
    text.className = 'wb-text';
    text.textContent = row.text;
    div.append(time, text);
    return div;
  }

  #appendRows(output: HTMLElement, rows: OutputRow[]): void {
    const stick = output.scrollTop + output.clientHeight >= output.scrollHeight - 8;
    const fragment = document.createDocumentFragment();
    for (const row of rows) fragment.append(this.#row(row));
    output.append(fragment);
    if (stick) output.scrollTop = output.scrollHeight;
  }

  #showOutput(observation: Observation): void {
    const output = this.$('[data-output]')!;
    output.replaceChildren();
    const rows = outputRows(observation);
    if (!rows.length) output.append(this.#placeholder('Nothing was printed.'));
    this.#appendRows(output, rows);
  }

  #markErrors(observation: Observation): void {
    const at = errorPosition(observation);
    const lines = this.view.state.doc.toString().split('\n');
    this.#runDiagnostics = at ? [{ ...offsetOf(lines, at.line, at.column), severity: at.severity, message: at.message }] : [];
    refreshLint(this.view);
  }

  #showVerdict(view: VerdictView): void {
    const results = this.$('[data-results]');
    if (!results) return;
    const summary = document.createElement('p');
    // Kept in the learner's progress (the course map counts it); it stays passed.
    if (view.passed && this.kind === 'exercise') recordPass(this.id);
    summary.className = `wb-summary ${view.passed ? 'wb-pass' : 'wb-fail'}`;
    summary.textContent = view.summary;
    const list = document.createElement('ul');
    list.className = 'wb-checks';
    for (const item of view.items) {
      const li = document.createElement('li');
      li.className = `wb-check ${item.passed ? 'wb-passed' : 'wb-failed'}`;
      li.dataset.check = item.id;
      const head = document.createElement('div');
      head.className = 'wb-check-head';
      const badge = document.createElement('span');
      badge.className = 'wb-badge';
      badge.textContent = item.status;
      const title = document.createElement('span');
      title.className = 'wb-check-title';
      title.textContent = item.title;
      head.append(badge, document.createTextNode(' '), title);
      const message = document.createElement('p');
      message.className = 'wb-check-message';
      message.textContent = item.message;
      li.append(head, message);
      if (item.diff) {
        const legend = document.createElement('p');
        legend.className = 'wb-diff-legend';
        legend.textContent = 'Expected output against what was printed: − expected but not printed, + printed but not expected.';
        const diff = document.createElement('div');
        diff.className = 'wb-diff';
        diff.setAttribute('role', 'group');
        diff.setAttribute('aria-label', 'Output difference');
        for (const row of item.diff) {
          const line = document.createElement('div');
          line.className = `wb-diff-row ${row.op === '-' ? 'wb-missing' : row.op === '+' ? 'wb-extra' : 'wb-same'}`;
          const sign = document.createElement('span');
          sign.className = 'wb-sign';
          sign.setAttribute('aria-hidden', 'true');
          sign.textContent = row.sign;
          const words = document.createElement('span');
          words.className = 'wb-sr';
          words.textContent = `${row.meaning}: `;
          const text = document.createElement('span');
          text.textContent = row.text;
          line.append(sign, words, text);
          diff.append(line);
        }
        li.append(legend, diff);
      } else if (item.values) {
        const dl = document.createElement('dl');
        dl.className = 'wb-values';
        for (const [term, value] of [['Expected', item.values.expected], ['Got', item.values.actual]] as const) {
          const dt = document.createElement('dt');
          dt.textContent = term;
          const dd = document.createElement('dd');
          dd.textContent = value;
          dl.append(dt, dd);
        }
        li.append(dl);
      }
      list.append(li);
    }
    results.replaceChildren(summary, list);
  }

  // ── saving ─────────────────────────────────────────────────────────────

  #codeChanged(): void {
    this.#runDiagnostics = [];
    this.#dirty = true;
    clearTimeout(this.#saveTimer);
    this.#saveTimer = setTimeout(() => this.#saveNow(), SAVE_DELAY_MS);
  }

  #saveNow(): void {
    clearTimeout(this.#saveTimer);
    if (!this.#dirty) return;
    const result = codeProgress.save(this.kind, this.id, this.view.state.doc.toString());
    if (result.ok) {
      this.#dirty = false;
      if (this.#storageWarned) {
        this.#storageWarned = false;
        this.notice(undefined);
      }
    } else if (!this.#storageWarned) {
      // Said once; the code stays in the editor whatever happens.
      this.#storageWarned = true;
      this.notice(result.message);
    }
  }

  // ── reset, solution, hints ─────────────────────────────────────────────

  #askReset(): void {
    const dialog = this.$<HTMLDialogElement>('[data-reset-dialog]');
    if (!dialog || typeof dialog.showModal !== 'function') {
      if (confirm('Reset the code? Your code will be replaced.')) this.#reset();
      return;
    }
    dialog.returnValue = '';
    dialog.addEventListener(
      'close',
      () => {
        if (dialog.returnValue === 'reset') this.#reset();
        this.button('reset')?.focus();
      },
      { once: true },
    );
    dialog.showModal();
  }

  #reset(): void {
    replaceDoc(this.view, this.original);
    this.#saveNow();
    this.notice(undefined);
    this.announce('The code is back to where it started. Ctrl+Z in the editor undoes this.');
  }

  #toggleSolution(): void {
    const pane = this.$('[data-solution-pane]');
    const button = this.button('solution');
    if (!pane || !button) return;
    const show = pane.hidden;
    if (show && !pane.querySelector('pre')) {
      const template = pane.querySelector<HTMLTemplateElement>('template[data-solution]');
      if (template) pane.append(template.content.cloneNode(true));
    }
    pane.hidden = !show;
    const label = this.$('[data-pane-label]');
    if (label) label.hidden = !show;
    button.textContent = show ? 'Hide solution' : 'Show solution';
    button.setAttribute('aria-expanded', String(show));
    if (show) this.announce('The reference solution is shown beside your code. Your code is unchanged.');
  }

  #nextHint(): void {
    const list = this.$('[data-hint-list]');
    const button = this.button('hint');
    if (!list || !button) return;
    const hidden = [...list.querySelectorAll<HTMLLIElement>('li[hidden]')];
    const next = hidden[0];
    if (!next) return;
    next.hidden = false;
    const total = list.children.length;
    const shown = total - hidden.length + 1;
    this.announce(`Hint ${shown} of ${total}: ${next.textContent ?? ''}`);
    if (hidden.length === 1) {
      button.hidden = true;
      const done = this.$('[data-hint-done]');
      if (done) done.hidden = false;
      next.tabIndex = -1;
      next.focus();
    } else {
      button.textContent = 'Next hint';
    }
  }

  // ── notices ────────────────────────────────────────────────────────────

  notice(text: string | undefined): void {
    const el = this.$('[data-notice]');
    if (!el) return;
    el.textContent = text ?? '';
    el.hidden = !text;
  }

  announce(text: string): void {
    const el = this.$('[data-announce]');
    if (!el) return;
    el.textContent = '';
    // A fresh text node after a tick is read out even when the words repeat.
    setTimeout(() => (el.textContent = text), 50);
  }
}
