/**
 * <event-loop-steps>: Previous/Next stepping over the event-loop view that
 * <EventLoopSteps> renders. Without this script the list reads in full with
 * its phase badges; with it, the learner predicts first: every line stays
 * hidden until stepped to. Then the current line is highlighted
 * (aria-current="step"), so is the source line that printed it, a status
 * line says which part of the event loop printed it, and three boxes show
 * what is running, the microtasks still ahead and the timers waiting (data
 * the build computed from the run; written here as text, never as HTML).
 *
 * The buttons stay focusable at either end (aria-disabled, not disabled), so
 * keyboard focus is never dropped; ArrowLeft/ArrowRight work on them too.
 */
class EventLoopStepsElement extends HTMLElement {
  #current = 0;
  #items: HTMLElement[] = [];

  connectedCallback(): void {
    if (this.#items.length) return;
    this.#items = [...this.querySelectorAll<HTMLElement>('.el-step')];
    const controls = this.querySelector<HTMLElement>('.el-controls');
    if (!controls || !this.#items.length) return;
    controls.hidden = false;
    const state = this.querySelector<HTMLElement>('.el-state');
    if (state) state.hidden = false;
    controls.addEventListener('click', (event) => {
      const button = (event.target as Element).closest<HTMLElement>('[data-el]');
      if (button) this.#move(button.dataset.el === 'next' ? 1 : -1);
    });
    controls.addEventListener('keydown', (event) => {
      if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
        event.preventDefault();
        this.#move(event.key === 'ArrowRight' ? 1 : -1);
      }
    });
    this.#show();
  }

  #showState(item: HTMLElement | undefined): void {
    const list = (json: string | undefined): string[] => {
      try {
        const value: unknown = JSON.parse(json ?? '[]');
        return Array.isArray(value) ? value.map(String) : [];
      } catch {
        return [];
      }
    };
    const fill = (key: string, entries: string[], empty: string) => {
      const box = this.querySelector<HTMLElement>(`[data-state="${key}"]`);
      if (!box) return;
      box.replaceChildren(
        ...(entries.length ? entries : [empty]).map((text) => {
          const li = document.createElement('li');
          li.textContent = text;
          return li;
        }),
      );
    };
    const running = this.querySelector<HTMLElement>('[data-state="running"]');
    if (running) running.textContent = item?.dataset.running ?? 'nothing yet: press Next';
    fill('microtasks', item ? list(item.dataset.microtasks) : [], '(none)');
    fill('timers', item ? list(item.dataset.timers) : [], '(none)');
    const lines = this.querySelectorAll<HTMLElement>('.el-code .line');
    lines.forEach((line) => line.classList.remove('el-running'));
    const at = Number(item?.dataset.sourceLine);
    if (at > 0) lines[at - 1]?.classList.add('el-running');
  }

  #move(by: number): void {
    const next = Math.min(Math.max(this.#current + by, 1), this.#items.length);
    if (next === this.#current) return;
    this.#current = next;
    this.#show();
  }

  #show(): void {
    const n = this.#current;
    const total = this.#items.length;
    // Stepping starts hidden: the learner predicts before any line shows.
    this.dataset.stepping = '';
    this.#items.forEach((item, i) => {
      if (i + 1 === n) item.setAttribute('aria-current', 'step');
      else item.removeAttribute('aria-current');
      item.classList.toggle('el-future', i + 1 > n);
    });
    this.#showState(n > 0 ? this.#items[n - 1]! : undefined);
    const prev = this.querySelector('[data-el="prev"]');
    const next = this.querySelector('[data-el="next"]');
    prev?.setAttribute('aria-disabled', String(n <= 1));
    next?.setAttribute('aria-disabled', String(n >= total));
    const status = this.querySelector('.el-status');
    if (!status) return;
    if (n === 0) {
      status.textContent = `Predict the order first. Press Next to follow the ${total} lines in the order they were printed.`;
      return;
    }
    const item = this.#items[n - 1]!;
    const badge = item.querySelector('.el-badge')?.textContent ?? '';
    const text = item.querySelector('.el-text')?.textContent ?? '';
    status.textContent = `Line ${n} of ${total}: “${text}”. ${badge}. ${item.dataset.explanation ?? ''}`;
  }
}

if (!customElements.get('event-loop-steps')) customElements.define('event-loop-steps', EventLoopStepsElement);
