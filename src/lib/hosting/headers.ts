/**
 * Security and caching headers for static hosts, as pure functions of what
 * the build produced: the inline scripts' hashes, the base path, whether the
 * search index is there. The integration in src/integrations/hosting.ts reads
 * the build and writes the files; the e2e CSP test serves dist with them.
 */
import { createHash } from 'node:crypto';

/**
 * WebContainer's runtime loads in a hidden iframe from StackBlitz
 * (`DEFAULT_EDITOR_ORIGIN` in @webcontainer/api). Its own workers and
 * requests belong to that frame's origin, not to our pages, so the page only
 * needs to be allowed to frame it. OAuth (`auth.init`), which would fetch from
 * it too, is not used: the course configures an API key instead.
 */
const WEBCONTAINER_ORIGIN = 'https://stackblitz.com';

/** Headers every response gets: cross-origin isolation (WebContainer and SharedArrayBuffer need it). */
const ISOLATION_HEADERS: Readonly<Record<string, string>> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** Hashed build output never changes under its name. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * The sandbox frame's policy, the same as the `<meta>` in
 * public/sandbox/frame.html (a header and a meta policy both apply, so they
 * must agree): learner code runs here, in an opaque origin, from blob:
 * workers, with no network. 'wasm-unsafe-eval' is for Pyodide (Python in
 * the page), which compiles its wasm here and nowhere else; the page hands it
 * the bytes, since the frame can fetch nothing.
 */
export const SANDBOX_CSP =
  "default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval' 'wasm-unsafe-eval' blob:; worker-src blob:; connect-src 'none'; base-uri 'none'; form-action 'none'; require-trusted-types-for 'script'";

/** A CSP source expression for a script or style body. */
export function sha256Source(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * Bodies of the inline `<script>` elements of one HTML page that the browser
 * would run: not those with `src`, nor data blocks (JSON and other non-JS types).
 */
export function inlineScripts(html: string): string[] {
  const bodies: string[] = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    const attrs = m[1] ?? '';
    if (/\ssrc\s*=/i.test(attrs)) continue;
    const type = /\stype\s*=\s*["']?([^"'\s>]+)/i.exec(attrs)?.[1]?.toLowerCase();
    if (type && type !== 'module' && !/(^|\/)(x-)?(java|ecma)script$/.test(type)) continue;
    bodies.push(m[2] ?? '');
  }
  return bodies;
}

interface CspInput {
  /** Hash sources of every inline script on the site's pages (deduplicated and sorted here). */
  scriptHashes: Iterable<string>;
  /** Whether Pagefind's search (WebAssembly) is in the build. Default false. */
  search?: boolean;
}

/**
 * The pages' policy. Own scripts by origin plus the inline ones by hash; no
 * eval. Styles allow 'unsafe-inline' because Shiki writes each token's colour
 * in a `style` attribute (thousands per lesson), which hashes cannot cover
 * without 'unsafe-hashes' per value. Frames: our sandbox and WebContainer.
 */
export function pageCsp({ scriptHashes, search = false }: CspInput): string {
  const hashes = [...new Set(scriptHashes)].sort();
  const directives: Array<[string, string[]]> = [
    ['default-src', ["'none'"]],
    // 'trusted-types-eval': eval only where Trusted Types are enforced, which is only in the sandbox frame's
    // offline srcdoc copy and its workers (browser-runner.ts); the pages themselves still cannot eval.
    // blob: for the Python worker's Pyodide modules in that same offline srcdoc frame (python-sandbox-worker.ts imports
    // them from blob: URLs). Only the course's own scripts make blob: URLs, so no injected markup can point at one.
    ['script-src', ["'self'", ...(search ? ["'wasm-unsafe-eval'"] : []), ...hashes, "'trusted-types-eval'", 'blob:']],
    ['style-src', ["'self'", "'unsafe-inline'"]],
    ['img-src', ["'self'", 'data:']],
    ['font-src', ["'self'"]],
    ['connect-src', ["'self'"]],
    ['frame-src', ["'self'", WEBCONTAINER_ORIGIN]],
    // blob: for the sandbox frame's workers when the frame is the page's srcdoc (offline), under this policy too.
    ['worker-src', ["'self'", 'blob:']],
    ['manifest-src', ["'self'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'self'"]],
    ['form-action', ["'self'"]],
    ['frame-ancestors', ["'none'"]],
  ];
  return directives.map(([name, values]) => `${name} ${values.join(' ')}`).join('; ');
}

/**
 * Directives a `<meta>` policy may not carry (browsers ignore them there, with
 * a console warning); the header keeps them where a host sends headers.
 */
const HEADER_ONLY_DIRECTIVES = new Set(['frame-ancestors', 'report-uri', 'report-to', 'sandbox']);

/** The page policy as a `<meta>` element can carry it: the same, less the header-only directives. */
export function metaCsp(csp: string): string {
  return csp
    .split(';')
    .map((d) => d.trim())
    .filter((d) => d && !HEADER_ONLY_DIRECTIVES.has(d.split(/\s+/)[0]!.toLowerCase()))
    .join('; ');
}

/**
 * A page with its policy in a `<meta http-equiv>`, so it holds on hosts that
 * send no headers (GitHub Pages, `astro preview`, a file server). It goes
 * right after `<meta charset>` (which must stay in the first 1,024 bytes),
 * before any script, since a meta policy governs only what follows it. The
 * header and the meta policy are the same, so where both arrive, both allow
 * exactly the same things. A page that already has one is left as it is.
 */
export function withMetaCsp(html: string, csp: string): string {
  if (/<meta\s+http-equiv\s*=\s*["']?content-security-policy/i.test(html)) return html;
  const content = metaCsp(csp).replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  const tag = `<meta http-equiv="Content-Security-Policy" content="${content}">`;
  const charset = /<meta\s+charset\s*=\s*["']?[\w-]+["']?\s*\/?>/i.exec(html);
  if (charset) return html.slice(0, charset.index + charset[0].length) + tag + html.slice(charset.index + charset[0].length);
  const head = /<head\b[^>]*>/i.exec(html);
  if (!head) throw new Error('withMetaCsp: the page has no <head>');
  return html.slice(0, head.index + head[0].length) + tag + html.slice(head.index + head[0].length);
}

/** One header rule: a URL pattern (`*` matches any rest) and its headers. */
interface HeaderRule {
  path: string;
  headers: Record<string, string>;
}

interface RulesInput {
  /** Astro `base`, e.g. '/' or '/course/'. */
  base: string;
  /** The pages' CSP (pageCsp). */
  csp: string;
  /**
   * First path segments (under base) that hold pages, e.g. ['lessons', 'exercises'];
   * the root's own pages (index.html, 404.html) are always covered.
   */
  pageDirs: string[];
}

/**
 * Rules shared by every host. Some hosts join the values of a header that
 * several rules set (Netlify, Cloudflare), and two CSPs both apply, so the page
 * policy is set per page folder and never on /sandbox/*, which has its own.
 */
export function headerRules({ base, csp, pageDirs }: RulesInput): HeaderRule[] {
  const root = base.endsWith('/') ? base : `${base}/`;
  const rules: HeaderRule[] = [{ path: `${root}*`, headers: { ...ISOLATION_HEADERS } }];
  const pagePaths = [root, `${root}index.html`, `${root}404.html`, ...[...pageDirs].sort().map((d) => `${root}${d}/*`)];
  for (const path of pagePaths) rules.push({ path, headers: { 'Content-Security-Policy': csp } });
  rules.push({ path: `${root}sandbox/*`, headers: { 'Content-Security-Policy': SANDBOX_CSP } });
  rules.push({ path: `${root}_astro/*`, headers: { 'Cache-Control': IMMUTABLE } });
  // Pyodide's files sit under a folder named by its version (src/lib/python/pyodide-files.ts).
  rules.push({ path: `${root}pyodide/*`, headers: { 'Cache-Control': IMMUTABLE } });
  return rules;
}

/** Netlify / Cloudflare Pages `_headers` text. */
export function netlifyHeaders(rules: HeaderRule[]): string {
  const head = [
    '# Generated by src/integrations/hosting.ts at build time (do not edit dist/_headers;',
    '# change src/lib/hosting/headers.ts). Read by Netlify and Cloudflare Pages.',
  ];
  const body = rules.map((r) => [r.path, ...Object.entries(r.headers).map(([k, v]) => `  ${k}: ${v}`)].join('\n'));
  return `${head.join('\n')}\n${body.join('\n')}\n`;
}

/** Parse `_headers` text back into rules (for the test server and checks). */
export function parseNetlifyHeaders(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) rules.push({ path: line.trim(), headers: {} });
    else {
      const i = line.indexOf(':');
      const rule = rules.at(-1);
      if (rule && i > 0) rule.headers[line.slice(0, i).trim()] = line.slice(i + 1).trim();
    }
  }
  return rules;
}

/** Whether a `_headers` path pattern matches a URL path (`*` matches any rest, `/` also its index). */
function pathMatches(pattern: string, path: string): boolean {
  const re = new RegExp(`^${pattern.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return re.test(path);
}

/** Headers a static host sends for a path: every matching rule's, later ones joined as hosts do. */
export function headersFor(rules: HeaderRule[], path: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rule of rules) {
    if (!pathMatches(rule.path, path)) continue;
    for (const [k, v] of Object.entries(rule.headers)) out[k] = out[k] ? `${out[k]}, ${v}` : v;
  }
  return out;
}

/** Vercel `vercel.json`: the same rules, in its `source` pattern syntax. */
export function vercelConfig(rules: HeaderRule[]): object {
  return {
    $schema: 'https://openapi.vercel.sh/vercel.json',
    buildCommand: 'npm run build',
    outputDirectory: 'dist',
    headers: rules.map((r) => ({
      source: r.path.replace(/\*$/, '(.*)'),
      headers: Object.entries(r.headers).map(([key, value]) => ({ key, value })),
    })),
  };
}
