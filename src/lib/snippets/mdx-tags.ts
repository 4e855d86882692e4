/**
 * Finds component tags such as `<Predict src="…" options={["a", "b"]} />` in
 * MDX source, with their attributes as plain values, so tests can check every
 * question and Python/TypeScript pair a lesson uses without building the site.
 * Attribute expressions must be static (strings, numbers, booleans, arrays and
 * objects of those); anything else is reported, not guessed.
 */
import { parseExpressionAt, type Node } from 'acorn';

type AttrValue = string | number | boolean | null | AttrValue[] | { [key: string]: AttrValue };

interface MdxTag {
  name: string;
  attrs: Record<string, AttrValue>;
  /** 1-based line of the tag's `<`. */
  line: number;
}

/** The source with fenced code blocks and inline code blanked out (same length, same lines). */
function withoutCode(source: string): string {
  const blank = (s: string) => s.replace(/[^\n]/g, ' ');
  return source
    .replace(/^(\s*)(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\s*\2[^\n]*$/gm, (m) => blank(m))
    .replace(/`[^`\n]+`/g, (m) => blank(m));
}

function staticValue(node: Node, where: string): AttrValue {
  const n = node as Node & Record<string, any>;
  switch (n.type) {
    case 'Literal':
      if (n.regex || typeof n.value === 'bigint') break;
      return n.value as AttrValue;
    case 'TemplateLiteral':
      if (n.expressions.length === 0) return n.quasis.map((q: any) => q.value.cooked).join('');
      break;
    case 'ArrayExpression':
      return n.elements.map((e: Node | null) => (e ? staticValue(e, where) : null));
    case 'ObjectExpression': {
      const out: Record<string, AttrValue> = {};
      for (const p of n.properties) {
        if (p.type !== 'Property' || p.computed) throw new Error(`${where}: only plain object properties are supported`);
        const key = p.key.type === 'Identifier' ? p.key.name : String(p.key.value);
        out[key] = staticValue(p.value, where);
      }
      return out;
    }
    case 'UnaryExpression':
      if (n.operator === '-' && n.argument.type === 'Literal' && typeof n.argument.value === 'number') return -n.argument.value;
      break;
    case 'Identifier':
      if (n.name === 'undefined') return null;
      break;
  }
  throw new Error(`${where}: attribute expressions must be static values (strings, numbers, arrays), found ${n.type}`);
}

/** Every `<name …>` or `<name … />` tag in the MDX source, in order. */
export function findTags(source: string, name: string, file = 'mdx'): MdxTag[] {
  const text = withoutCode(source);
  const tags: MdxTag[] = [];
  const open = new RegExp(`<${name}(?=[\\s/>])`, 'g');
  for (let m = open.exec(text); m; m = open.exec(text)) {
    const line = text.slice(0, m.index).split('\n').length;
    const where = `${file}:${line} <${name}>`;
    const attrs: Record<string, AttrValue> = {};
    let i = m.index + m[0].length;
    for (;;) {
      while (/\s/.test(text[i] ?? '')) i++;
      if (i >= text.length) throw new Error(`${where}: the tag is never closed`);
      if (text.startsWith('/>', i) || text[i] === '>') break;
      const attr = /^[A-Za-z_:][\w:.-]*/.exec(text.slice(i));
      if (!attr) throw new Error(`${where}: can't read an attribute at ${JSON.stringify(text.slice(i, i + 20))}`);
      const key = attr[0];
      i += key.length;
      while (/\s/.test(text[i] ?? '')) i++;
      if (text[i] !== '=') {
        attrs[key] = true;
        continue;
      }
      i++;
      while (/\s/.test(text[i] ?? '')) i++;
      const quoteChar = source[i];
      if (quoteChar === '"' || quoteChar === "'") {
        const end = source.indexOf(quoteChar, i + 1);
        if (end < 0) throw new Error(`${where}: unterminated string in ${key}=`);
        attrs[key] = source.slice(i + 1, end);
        i = end + 1;
      } else if (quoteChar === '{') {
        const expr = parseExpressionAt(source, i + 1, { ecmaVersion: 'latest' });
        attrs[key] = staticValue(expr, `${where} ${key}=`);
        i = expr.end;
        while (/\s/.test(source[i] ?? '')) i++;
        if (source[i] !== '}') throw new Error(`${where}: expected "}" after the ${key}= expression`);
        i++;
      } else {
        throw new Error(`${where}: ${key}= needs a quoted string or a {…} expression`);
      }
    }
    tags.push({ name, attrs, line });
  }
  return tags;
}
