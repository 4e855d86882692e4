/**
 * <event-loop-steps>: Previous/Next stepping over the event-loop view that
 * <EventLoopSteps> renders (src/lib/timeline/render.ts, eventLoopStepsHtml).
 * Without this script the list still reads in full with its phase badges;
 * with it, the controls appear, the current line is highlighted
 * (aria-current="step"), lines not printed yet are greyed, and a status
 * line says which part of the event loop printed the current one.
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

  #move(by: number): void {
    const next = Math.min(Math.max(this.#current + by, 1), this.#items.length);
    if (next === this.#current) return;
    this.#current = next;
    this.#show();
  }

  #show(): void {
    const n = this.#current;
    const total = this.#items.length;
    if (n > 0) this.dataset.stepping = '';
    this.#items.forEach((item, i) => {
      if (i + 1 === n) item.setAttribute('aria-current', 'step');
      else item.removeAttribute('aria-current');
      item.classList.toggle('el-future', n > 0 && i + 1 > n);
    });
    const prev = this.querySelector('[data-el="prev"]');
    const next = this.querySelector('[data-el="next"]');
    prev?.setAttribute('aria-disabled', String(n <= 1));
    next?.setAttribute('aria-disabled', String(n >= total));
    const status = this.querySelector('.el-status');
    if (!status) return;
    if (n === 0) {
      status.textContent = `Press Next to follow the ${total} lines in the order they were printed.`;
      return;
    }
    const item = this.#items[n - 1]!;
    const badge = item.querySelector('.el-badge')?.textContent ?? '';
    const text = item.querySelector('.el-text')?.textContent ?? '';
    status.textContent = `Line ${n} of ${total}: “${text}”. ${badge}. ${item.dataset.explanation ?? ''}`;
  }
}

if (!customElements.get('event-loop-steps')) customElements.define('event-loop-steps', EventLoopStepsElement);
