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
import { defineLazyElement } from './lazy-element.ts';

export interface IslandModule {
  upgrade(element: HTMLElement, firstAction: string | undefined): void;
}

defineLazyElement<IslandModule, string>('course-workbench', {
  load: () => import('./workbench.ts'),
  // A screen ahead, so it's ready by the time it's read.
  rootMargin: '300px 0px',
  withoutObserver: 'wait',
  busyWhileLoading: true,
  keep(element, event, action) {
    const button = (event.target as Element | null)?.closest?.(actionSelector());
    if (event.type !== 'click' || !button || element.dataset.upgraded) return action;
    // The first action (Run, Check, a hint…), for when the island is up.
    event.preventDefault();
    return action ?? (button as HTMLElement).dataset.action;
  },
  upgrade: (element, island, action) => island.upgrade(element, action),
  failed(element) {
    const note = element.querySelector(hookSelector('notice'));
    if (note) {
      note.textContent = "The editor couldn't load (are you offline?). The code above still reads as text; reload the page to try again.";
      note.removeAttribute('hidden');
    }
  },
});
