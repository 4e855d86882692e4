/**
 * Hints before the solution. "Show solution" is offered only after the
 * learner's first Check, or once every hint is shown (or when the exercise
 * was passed before), and the first time it asks, in the page, before
 * opening: "See the reference solution?" with "Show it" and "Not yet".
 * After a yes it toggles as before.
 */
export class SolutionGate {
  readonly #button: HTMLButtonElement | null;
  #confirmed = false;
  #asking: HTMLElement | undefined;

  constructor(button: HTMLButtonElement | null, offered: boolean) {
    this.#button = button;
    if (offered) this.offer();
  }

  /** Makes Show solution available (idempotent). */
  offer(): void {
    if (!this.#button || this.#button.dataset.offered !== undefined) return;
    this.#button.dataset.offered = '';
  }

  /** The learner pressed Show solution (or Hide solution): asks once before the first opening. */
  request(toggle: () => void): void {
    const button = this.#button;
    if (!button) return;
    const opening = button.getAttribute('aria-expanded') !== 'true';
    if (!opening || this.#confirmed) {
      toggle();
      return;
    }
    if (this.#asking) {
      this.#asking.querySelector('button')?.focus();
      return;
    }
    this.#asking = this.#ask(
      () => {
        this.#confirmed = true;
        this.#close();
        toggle();
        button.focus();
      },
      () => {
        this.#close();
        button.focus();
      },
    );
    button.closest('.wb-toolbar')?.after(this.#asking);
    this.#asking.querySelector('button')?.focus();
  }

  #close(): void {
    this.#asking?.remove();
    this.#asking = undefined;
  }

  #ask(yes: () => void, no: () => void): HTMLElement {
    const box = document.createElement('div');
    box.className = 'wb-confirm';
    box.setAttribute('role', 'group');
    const text = document.createElement('p');
    text.id = `wb-confirm-${Math.random().toString(36).slice(2)}`;
    text.textContent = 'See the reference solution? It shows beside your code, which stays as it is. A hint may be enough.';
    box.setAttribute('aria-labelledby', text.id);
    const show = document.createElement('button');
    show.type = 'button';
    show.className = 'wb-btn wb-primary';
    show.textContent = 'Show it';
    show.addEventListener('click', yes);
    const cancel = document.createElement('button');
    cancel.type = 'button';
    cancel.className = 'wb-btn';
    cancel.textContent = 'Not yet';
    cancel.addEventListener('click', no);
    box.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        no();
      }
    });
    const actions = document.createElement('div');
    actions.className = 'wb-confirm-actions';
    actions.append(show, cancel);
    box.append(text, actions);
    return box;
  }
}
