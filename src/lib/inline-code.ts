/**
 * Markdown-style `code` spans in the course's own messages (check results,
 * predict feedback). Pure and tiny: the islands draw the parts as text
 * nodes and <code> elements, never as markup.
 */

/** A piece of a message: plain text, or a Markdown `code` span. */
export interface InlinePart {
  code: boolean;
  text: string;
}

/**
 * Splits Markdown-style code spans out of a message: "use `await` here"
 * gives text, code, text. A backtick with no partner stays as it is, and
 * double backticks fence a span that may hold single ones, as in Markdown.
 * The parts are drawn as text nodes and <code> elements, never as markup.
 */
export function inlineParts(text: string): InlinePart[] {
  const parts: InlinePart[] = [];
  let plain = '';
  let i = 0;
  while (i < text.length) {
    if (text[i] !== '`') {
      plain += text[i++];
      continue;
    }
    let run = 0;
    while (text[i + run] === '`') run++;
    const fence = '`'.repeat(run);
    let close = text.indexOf(fence, i + run);
    // A longer run of backticks is not this fence's end.
    while (close >= 0 && text[close + run] === '`') close = text.indexOf(fence, close + run + 1);
    if (close < 0 || close === i + run) {
      plain += fence;
      i += run;
      continue;
    }
    let code = text.slice(i + run, close);
    if (code.length > 2 && code.startsWith(' ') && code.endsWith(' ') && code.trim()) code = code.slice(1, -1);
    if (plain) parts.push({ code: false, text: plain });
    parts.push({ code: true, text: code });
    plain = '';
    i = close + run;
  }
  if (plain) parts.push({ code: false, text: plain });
  return parts;
}

/** A message as a reader sees it once its code spans are drawn: the words without the backticks. */
export function plainText(text: string): string {
  return inlineParts(text)
    .map((p) => p.text)
    .join('');
}

