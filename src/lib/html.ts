/**
 * HTML built as strings that are safe by construction: the `html` tag
 * escapes every value put into it, unless the value is itself the result
 * of `html` (markup this code wrote). So a string that reached a renderer
 * from learner code, a runtime or a file can never become markup, whatever
 * attribute or element it lands in, and no call site has to remember to
 * escape. Pure: the build-time components and the browser share it.
 */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe for an element's content or a quoted attribute value. */
function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** Held only by this module: no other code can mint SafeHtml from a string it was handed. */
const MINT = Symbol('SafeHtml');

/** Markup written by this code (never by the data it shows). Only `html` and `joinHtml` make one. */
export class SafeHtml {
  readonly #value: string;
  constructor(token: symbol, value: string) {
    if (token !== MINT) throw new TypeError('SafeHtml is made only by the html tag, which escapes every value');
    this.#value = value;
  }
  toString(): string {
    return this.#value;
  }
}

/** A value `html` accepts: text (escaped), numbers, markup it made, nothing (dropped), or lists of those. */
type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

function part(value: HtmlValue): string {
  if (value instanceof SafeHtml) return value.toString();
  if (value === null || value === undefined || value === false) return '';
  if (Array.isArray(value)) return value.map(part).join('');
  return escapeHtml(String(value));
}

/** The tag: `html\`<p class="${cls}">${text}</p>\`` escapes `cls` and `text`. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += part(values[i]!) + strings[i + 1]!;
  return new SafeHtml(MINT, out);
}

/** Several pieces of markup as one. */
export function joinHtml(parts: readonly HtmlValue[]): SafeHtml {
  return new SafeHtml(MINT, part(parts));
}
