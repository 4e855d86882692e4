/**
 * The page's one way to put markup into the DOM. It takes only `SafeHtml`,
 * which the `html` tag (src/lib/html.ts) makes by escaping every value, so
 * text from learner code or a runtime can't reach here as markup. Anything
 * else is written with textContent or built node by node.
 */
import type { SafeHtml } from '../lib/html.ts';

export function setMarkup(element: Element, markup: SafeHtml): void {
  element.innerHTML = markup.toString();
}
