/**
 * The only script a page with an exercise or sandbox loads up front (well
 * under 1 KB gzipped). It defines <course-workbench>, which stays plain HTML
 * until it comes near the viewport or the learner touches it, and only then
 * imports the island (editor, runner, results) with a dynamic import().
 *
 * A click on Run before the island has arrived is not lost: the action is
 * remembered and carried out once the island is up.
 */
import { actionSelector, hookSelector } from '../components/exercise/workbench-hooks.ts';

export interface IslandModule {
  upgrade(element: HTMLElement, firstAction: string | undefined): void;
}

let island: Promise<IslandModule> | undefined;
const loadIsland = () => (island ??= import('./workbench.ts'));

class CourseWorkbench extends HTMLElement {
  #observer?: IntersectionObserver;
  #started = false;
  #action: string | undefined;

  connectedCallback(): void {
    if (this.#started) return;
    // Near the viewport: start fetching a screen ahead, so it's ready by the time it's read.
    if ('IntersectionObserver' in window) {
      this.#observer = new IntersectionObserver((entries) => {
        if (entries.some((e) => e.isIntersecting)) this.#start();
      }, { rootMargin: '300px 0px' });
      this.#observer.observe(this);
    }
    for (const type of ['pointerdown', 'focusin', 'click', 'keydown'] as const) {
      this.addEventListener(type, this.#onUse, { capture: true });
    }
  }

  disconnectedCallback(): void {
    this.#observer?.disconnect();
  }

  #onUse = (event: Event): void => {
    const button = (event.target as Element | null)?.closest?.(actionSelector());
    if (event.type === 'click' && button && !this.dataset.upgraded) {
      // Keep the first action (Run, Check, a hint…) for when the island is up.
      this.#action ??= (button as HTMLElement).dataset.action;
      event.preventDefault();
    }
    this.#start();
  };

  #start(): void {
    if (this.#started) return;
    this.#started = true;
    this.#observer?.disconnect();
    this.setAttribute('aria-busy', 'true');
    loadIsland().then(
      (m) => {
        this.removeAttribute('aria-busy');
        for (const type of ['pointerdown', 'focusin', 'click', 'keydown'] as const) {
          this.removeEventListener(type, this.#onUse, { capture: true });
        }
        m.upgrade(this, this.#action);
      },
      () => {
        this.removeAttribute('aria-busy');
        this.#started = false;
        const note = this.querySelector(hookSelector('notice'));
        if (note) {
          note.textContent = "The editor couldn't load (are you offline?). The code above still reads as text; reload the page to try again.";
          note.removeAttribute('hidden');
        }
      },
    );
  }
}

if (!customElements.get('course-workbench')) customElements.define('course-workbench', CourseWorkbench);
