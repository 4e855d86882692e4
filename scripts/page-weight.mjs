#!/usr/bin/env node
/**
 * Transfer weight of one built page at first load, gzip-compressed:
 * its HTML, the stylesheets and scripts it links, and (counted as JS)
 * its inline scripts. Budget (design.md): ≤ 54 KB in all, ≤ 30 KB of JS.
 *
 *   npm run build && node scripts/page-weight.mjs [/lessons/introduction/]
 *
 * Only what the HTML references directly is counted: islands loaded later
 * (when visible or idle) are not part of first load.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const route = process.argv[2] ?? '/lessons/introduction/';
const dist = new URL('../dist/', import.meta.url).pathname;
const htmlFile = join(dist, route.endsWith('/') ? `${route}index.html` : route);
if (!existsSync(htmlFile)) {
  console.error(`page-weight: ${htmlFile} not found; run \`npm run build\` first.`);
  process.exit(1);
}

const gz = (buf) => gzipSync(buf, { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const html = readFileSync(htmlFile, 'utf8');
const rows = [['html', route, gz(html)]];

const attr = (tag, name) => new RegExp(`${name}="([^"]+)"`).exec(tag)?.[1];
for (const [tag] of html.matchAll(/<link\b[^>]*>/g)) {
  const href = attr(tag, 'href');
  if (/rel="(stylesheet|modulepreload)"/.test(tag) && href?.startsWith('/')) {
    rows.push([tag.includes('stylesheet') ? 'css' : 'js', href, gz(readFileSync(join(dist, href)))]);
  }
}
for (const [, attrs, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
  const src = attr(attrs, 'src');
  if (src) rows.push(['js', src, gz(readFileSync(join(dist, src)))]);
  // Inline scripts travel inside the HTML; their size is shown for information.
  else rows.push(['js (inline, in html)', `${body.length} bytes raw`, gz(body)]);
}

for (const [kind, what, bytes] of rows) console.log(`${kind.padEnd(22)} ${kb(bytes).padStart(9)}  ${what}`);
const total = rows.filter(([k]) => !k.includes('inline')).reduce((sum, [, , b]) => sum + b, 0);
const js = rows.filter(([k]) => k.startsWith('js')).reduce((sum, [, , b]) => sum + b, 0);
console.log(`${'total (gzip)'.padEnd(22)} ${kb(total).padStart(9)}  of which JS ${kb(js)} (inline scripts are part of the HTML figure)`);
