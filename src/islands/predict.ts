/**
 * The script a page with a predict-the-output question loads up front (a
 * few hundred bytes). It defines <course-predict>, which stays plain HTML
 * until it nears the viewport or the learner touches it, and then imports
 * the island (predict-island.ts). A click that arrives before the island is
 * replayed once it is up, so no press is lost.
 */
type Island = typeof import('./predict-island.ts');

let island: Promise<Island> | undefined;
const loadIsland = () => (island ??= import('./predict-island.ts'));
const EVENTS = ['pointerdown', 'focusin', 'keydown', 'click'] as const;

class CoursePredict extends HTMLElement {
  #observer?: IntersectionObserver;
  #started = false;
  #pending?: HTMLElement;

  connectedCallback(): void {
    if (this.#started) return;
    if ('IntersectionObserver' in window) {
      this.#observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && this.#start(), { rootMargin: '200px 0px' });
      this.#observer.observe(this);
    } else {
      this.#start();
    }
    for (const type of EVENTS) this.addEventListener(type, this.#onUse, { capture: true });
  }

  disconnectedCallback(): void {
    this.#observer?.disconnect();
  }

  #onUse = (event: Event): void => {
    const target = event.target as HTMLElement | null;
    if (event.type === 'click' && target?.closest?.('button, input')) {
      this.#pending = target.closest('button, input') as HTMLElement;
      event.preventDefault();
      event.stopPropagation();
    }
    this.#start();
  };

  #start(): void {
    if (this.#started) return;
    this.#started = true;
    this.#observer?.disconnect();
    loadIsland().then(
      (m) => {
        for (const type of EVENTS) this.removeEventListener(type, this.#onUse, { capture: true });
        m.upgrade(this);
        this.#pending?.click();
        this.#pending = undefined;
      },
      () => {
        // Offline or a failed chunk: let a later touch try again.
        this.#started = false;
      },
    );
  }
}

if (!customElements.get('course-predict')) customElements.define('course-predict', CoursePredict);
