/**
 * The workbench's smaller controls, apart from running: Reset (after a
 * confirming dialog), Show solution, the hint ladder, the keyboard hints,
 * and the two live regions (a visible notice, a screen-reader announcement).
 */
import { actionSelector, hookSelector, type Action, type Hook } from '../components/exercise/workbench-hooks.ts';
import { shortcuts } from './shortcuts.ts';

export class WorkbenchControls {
  readonly root: HTMLElement;

  constructor(root: HTMLElement) {
    this.root = root;
  }

  find<T extends HTMLElement = HTMLElement>(name: Hook): T | null {
    return this.root.querySelector<T>(hookSelector(name));
  }

  button(name: Action): HTMLButtonElement | null {
    return this.root.querySelector<HTMLButtonElement>(actionSelector(name));
  }

  /**
   * The static code stays in the document (its text is the starter for Reset), out of
   * sight, out of the tab order and out of the accessibility tree (.wb-replaced, inert).
   */
  retire(pre: HTMLElement): void {
    pre.classList.add('wb-replaced');
    pre.setAttribute('aria-hidden', 'true');
    pre.tabIndex = -1;
    pre.inert = true;
  }

  /**
   * Calls `measure` whenever `host` comes into view: an editor set up off screen (the island
   * loads a screen ahead) guessed the heights of its wrapped lines, or the line numbers drift.
   */
  whenInView(host: HTMLElement, measure: () => void): void {
    new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) measure();
    }).observe(host);
  }

  notice(text: string | undefined): void {
    const el = this.find('notice');
    if (!el) return;
    el.textContent = text ?? '';
    el.hidden = !text;
  }

  announce(text: string): void {
    const el = this.find('announce');
    if (!el) return;
    el.textContent = '';
    // A fresh text node after a tick is read out even when the words repeat.
    setTimeout(() => (el.textContent = text), 50);
  }

  /** Run and Check titles, and the keyboard hint, with the platform's modifier key. */
  showShortcuts(isMac: boolean): void {
    const keys = shortcuts(isMac);
    const run = this.button('run');
    const check = this.button('check');
    if (run) run.title = `Run (${keys.run})`;
    if (check) check.title = `Check (${keys.check})`;
    if (!isMac) return;
    for (const kbd of this.root.querySelectorAll(`${hookSelector('keys')} kbd, .wb-dialog kbd`)) {
      kbd.textContent = (kbd.textContent ?? '').replace('Ctrl', '⌘');
    }
  }

  /** Asks first (a modal dialog, or confirm() where there is none), then calls `reset`. */
  askReset(reset: () => void): void {
    const dialog = this.find<HTMLDialogElement>('resetDialog');
    if (!dialog || typeof dialog.showModal !== 'function') {
      if (confirm('Reset the code? Your code will be replaced.')) reset();
      return;
    }
    dialog.returnValue = '';
    dialog.addEventListener(
      'close',
      () => {
        if (dialog.returnValue === 'reset') reset();
        this.button('reset')?.focus();
      },
      { once: true },
    );
    dialog.showModal();
  }

  toggleSolution(): void {
    const pane = this.find('solutionPane');
    const button = this.button('solution');
    if (!pane || !button) return;
    const show = pane.hidden;
    if (show && !pane.querySelector('pre')) {
      const template = pane.querySelector<HTMLTemplateElement>(`template${hookSelector('solution')}`);
      if (template) pane.append(template.content.cloneNode(true));
    }
    pane.hidden = !show;
    const label = this.find('paneLabel');
    if (label) label.hidden = !show;
    button.textContent = show ? 'Hide solution' : 'Show solution';
    button.setAttribute('aria-expanded', String(show));
    if (show) this.announce('The reference solution is shown beside your code. Your code is unchanged.');
  }

  nextHint(): void {
    const list = this.find('hintList');
    const button = this.button('hint');
    if (!list || !button) return;
    const hidden = [...list.querySelectorAll<HTMLLIElement>('li[hidden]')];
    const next = hidden[0];
    if (!next) return;
    next.hidden = false;
    const total = list.children.length;
    this.announce(`Hint ${total - hidden.length + 1} of ${total}: ${next.textContent ?? ''}`);
    if (hidden.length === 1) {
      button.hidden = true;
      const done = this.find('hintDone');
      if (done) done.hidden = false;
      next.tabIndex = -1;
      next.focus();
    } else {
      button.textContent = 'Next hint';
    }
  }
}
