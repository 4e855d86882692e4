/**
 * A tiny static host for browser tests: serves a built site under its base
 * path with the headers its generated `_headers` file asks for, the way
 * Netlify or Cloudflare Pages would (astro preview sends only the isolation
 * headers from astro.config.mjs, not the CSP).
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { headersFor, parseNetlifyHeaders } from '../src/lib/hosting/headers.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticHost {
  /** Origin plus base, ending in '/': e.g. http://127.0.0.1:40123/course/ */
  url: string;
  close(): Promise<void>;
}

/**
 * Serve `dir` under `base` on a free port of 127.0.0.1. With `headers: false`
 * it sends only the content type, as a bare file server or GitHub Pages
 * would: the pages then rely on their own <meta> policy.
 */
export async function serveStatic(dir: string, base = '/', options: { headers?: boolean } = {}): Promise<StaticHost> {
  const rules = options.headers === false ? [] : parseNetlifyHeaders(readFileSync(join(dir, '_headers'), 'utf8'));
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file: string | null = null;
    if (path.startsWith(base)) {
      const rel = normalize(path.slice(base.length)).replace(/^(\.\.[/\\])+/, '');
      const candidate = join(dir, rel);
      if (existsSync(candidate) && statSync(candidate).isFile()) file = candidate;
      else if (existsSync(join(candidate, 'index.html'))) file = join(candidate, 'index.html');
    }
    const status = file ? 200 : 404;
    file ??= join(dir, '404.html');
    res.writeHead(status, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', ...headersFor(rules, path) });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
