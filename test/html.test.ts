import { describe, expect, it } from 'vitest';
import { html, joinHtml, SafeHtml } from '../src/lib/html.ts';

describe('the html tag', () => {
  it('escapes every value, in content and in quoted attributes', () => {
    const hostile = `"><img src=x onerror=alert(1)>&'`;
    expect(html`<p title="${hostile}">${hostile}</p>`.toString()).toBe(
      '<p title="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&amp;&#39;">&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&amp;&#39;</p>',
    );
  });
  it('keeps markup it made itself, and joins pieces with their values still escaped', () => {
    expect(joinHtml([html`<b>${'<i>'}</b>`, '<u>']).toString()).toBe('<b>&lt;i&gt;</b>&lt;u&gt;');
  });
  it('is the only way to make SafeHtml: a string handed to the constructor is refused', () => {
    const Forge = SafeHtml as unknown as new (token: unknown, value: string) => SafeHtml;
    expect(() => new Forge(Symbol('SafeHtml'), '<script>alert(1)</script>')).toThrow(TypeError);
  });
});
