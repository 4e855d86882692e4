/**
 * Markdown for exercise tasks and hints, rendered at build time. The text is
 * the course's own (content/exercises/), so it is trusted.
 */
import { Marked } from 'marked';

const marked = new Marked({ gfm: true, async: false });

export function markdownBlock(text: string): string {
  return marked.parse(text, { async: false });
}

/** A hint is usually one sentence: no wrapping paragraph unless it has several. */
export function markdownHint(text: string): string {
  return /\n\s*\n/.test(text.trim()) ? marked.parse(text, { async: false }) : marked.parseInline(text, { async: false });
}
