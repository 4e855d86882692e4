/**
 * The script a page with a predict-the-output question loads up front (a
 * few hundred bytes). It defines <course-predict>, which stays plain HTML
 * until it nears the viewport or the learner touches it, and then imports
 * the island (predict-island.ts). A click that arrives before the island is
 * replayed once it is up, so no press is lost.
 */
import { defineLazyElement } from './lazy-element.ts';

defineLazyElement<typeof import('./predict-island.ts'), HTMLElement>('course-predict', {
  load: () => import('./predict-island.ts'),
  rootMargin: '200px 0px',
  withoutObserver: 'load',
  busyWhileLoading: false,
  keep(_element, event, pending) {
    const control = (event.target as HTMLElement | null)?.closest?.<HTMLElement>('button, input');
    if (event.type !== 'click' || !control) return pending;
    event.preventDefault();
    event.stopPropagation();
    return control;
  },
  upgrade(element, island, pending) {
    island.upgrade(element);
    pending?.click();
  },
});
