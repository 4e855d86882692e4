/**
 * Markdown for exercise tasks and hints, rendered at build time. The text is
 * the course's own (content/exercises/), so it is trusted. Fenced code is
 * highlighted with Shiki in the site's two themes, as lesson code is, and
 * scrolls inside its own box on a phone.
 */
import { Marked, type Tokens } from 'marked';
import { codeToHtml } from 'shiki';
import { CODE_DEFAULT_COLOR, CODE_THEMES } from '../lesson/shiki.ts';

const marked = new Marked({
  gfm: true,
  async: true,
  async walkTokens(token) {
    if (token.type !== 'code') return;
    const code = token as Tokens.Code & { html?: string };
    const asked = code.lang?.trim().split(/\s+/)[0] ?? '';
    const lang = ['ts', 'typescript', 'js', 'javascript', 'python', 'py', 'json', 'sh'].includes(asked) ? asked : 'text';
    code.html = await codeToHtml(code.text, {
      lang,
      themes: CODE_THEMES,
      defaultColor: CODE_DEFAULT_COLOR,
      transformers: [
        {
          pre(node) {
            // Highlighted code takes the site's code-block class (plain text, such as
            // expected output, has no tokens to colour); the box scrolls by keyboard too.
            this.addClassToHast(node, lang === 'text' ? 'wb-plain-code' : 'astro-code');
            node.properties.tabindex = '0';
          },
        },
      ],
    });
  },
  renderer: {
    code(token) {
      return (token as Tokens.Code & { html?: string }).html ?? false;
    },
  },
});

export function markdownBlock(text: string): Promise<string> {
  return marked.parse(text) as Promise<string>;
}

/** A hint is usually one sentence: no wrapping paragraph unless it has several. */
export async function markdownHint(text: string): Promise<string> {
  return /\n\s*\n/.test(text.trim()) ? ((await marked.parse(text)) as string) : ((await marked.parseInline(text)) as string);
}
