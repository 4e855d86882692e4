/**
 * "Plain HTML until needed": the custom element behind <course-workbench>
 * (loader.ts) and <course-predict> (predict.ts). Each page script that uses
 * it stays a few hundred bytes; the island module is imported, once per page,
 * when the element comes near the viewport or the learner touches it.
 *
 * A touch before the island is up is not lost: `keep` may hold on to it (and
 * stop the browser acting on it), and `upgrade` gets what was kept to carry
 * out once the island has taken over.
 */
const USE_EVENTS = ['pointerdown', 'focusin', 'click', 'keydown'] as const;

export interface LazyElement<M, K> {
  /** The island, by a dynamic import() (its own chunk). */
  load(): Promise<M>;
  /** How far outside the viewport loading starts (an IntersectionObserver rootMargin). */
  rootMargin: string;
  /** Without IntersectionObserver: load at once, or wait for the learner to touch the element. */
  withoutObserver: 'load' | 'wait';
  /** Mark the element aria-busy while the island loads. */
  busyWhileLoading: boolean;
  /** A use before the island is up: what to keep for it (given what was kept so far). */
  keep(element: HTMLElement, event: Event, kept: K | undefined): K | undefined;
  upgrade(element: HTMLElement, island: M, kept: K | undefined): void;
  /** The import failed (offline, a missing chunk): a later touch tries again. */
  failed?(element: HTMLElement): void;
}

export function defineLazyElement<M, K>(name: string, options: LazyElement<M, K>): void {
  if (customElements.get(name)) return;
  let island: Promise<M> | undefined;
  const loadIsland = () => (island ??= options.load());

  class Lazy extends HTMLElement {
    #observer?: IntersectionObserver;
    #started = false;
    #kept: K | undefined;

    connectedCallback(): void {
      if (this.#started) return;
      if ('IntersectionObserver' in window) {
        this.#observer = new IntersectionObserver((entries) => {
          if (entries.some((e) => e.isIntersecting)) this.#start();
        }, { rootMargin: options.rootMargin });
        this.#observer.observe(this);
      } else if (options.withoutObserver === 'load') {
        this.#start();
      }
      for (const type of USE_EVENTS) this.addEventListener(type, this.#onUse, { capture: true });
    }

    disconnectedCallback(): void {
      this.#observer?.disconnect();
    }

    #onUse = (event: Event): void => {
      this.#kept = options.keep(this, event, this.#kept);
      this.#start();
    };

    #start(): void {
      if (this.#started) return;
      this.#started = true;
      this.#observer?.disconnect();
      if (options.busyWhileLoading) this.setAttribute('aria-busy', 'true');
      loadIsland().then(
        (m) => {
          if (options.busyWhileLoading) this.removeAttribute('aria-busy');
          for (const type of USE_EVENTS) this.removeEventListener(type, this.#onUse, { capture: true });
          const kept = this.#kept;
          this.#kept = undefined;
          options.upgrade(this, m, kept);
        },
        () => {
          if (options.busyWhileLoading) this.removeAttribute('aria-busy');
          // Forget the failed import, so a later touch tries again.
          island = undefined;
          this.#started = false;
          options.failed?.(this);
        },
      );
    }
  }
  customElements.define(name, Lazy);
}
