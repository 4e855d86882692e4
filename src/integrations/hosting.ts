/**
 * Writes the static hosts' header files once the build is done, because the
 * pages' CSP names each inline script by its hash, and only the built HTML
 * knows those:
 * - dist/_headers (Netlify, Cloudflare Pages);
 * - vercel.json at the project root (Vercel reads it from the repository, so
 *   it is committed; a build at the root base rewrites it, and a change to an
 *   inline script shows up as a diff to commit);
 * - a `<meta>` CSP in every page, the same policy, for hosts that send no
 *   headers (GitHub Pages, `astro preview`);
 * - with `coiServiceWorker` (GitHub Pages, which cannot send headers): the
 *   coi-serviceworker script copied into dist and loaded first in every page,
 *   so a service worker adds the cross-origin isolation headers.
 */
import { copyFile, readdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { headerRules, inlineScripts, netlifyHeaders, pageCsp, sha256Source, vercelConfig, withMetaCsp } from '../lib/hosting/headers.ts';

export interface HostingOptions {
  /** Load coi-serviceworker in every page (GitHub Pages builds). Default false. */
  coiServiceWorker?: boolean;
  /** Where vercel.json goes; null to write none. Default: the project root, for root-base builds only. */
  vercelJson?: URL | null;
}

/** Name of the copied service worker script, at the site's base. */
export const COI_SCRIPT = 'coi-serviceworker.js';

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => join(e.parentPath, e.name));
}

export default function hosting(options: HostingOptions = {}): AstroIntegration {
  let base = '/';
  let root: URL;
  return {
    name: 'course-hosting',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        root = config.root;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const files = await htmlFiles(out);
        const hashes = new Set<string>();
        const pageDirs = new Set<string>();
        const pages: Array<{ file: string; html: string }> = [];
        for (const file of files) {
          const rel = relative(out, file).split(sep);
          const html = await readFile(file, 'utf8');
          // The sandbox frame has its own policy (SANDBOX_CSP); it is not a page. Offline it loads as the
          // page's srcdoc, under the page's policy too, so its script's hash goes into the pages' policy.
          if (rel[0] === 'sandbox') {
            for (const body of inlineScripts(html)) hashes.add(sha256Source(body));
            continue;
          }
          if (rel.length > 1) pageDirs.add(rel[0]!);
          for (const body of inlineScripts(html)) hashes.add(sha256Source(body));
          pages.push({ file, html });
        }
        const search = (await readdir(out)).includes('pagefind');
        const csp = pageCsp({ scriptHashes: hashes, search });
        // Every page also carries the policy in a <meta>, for hosts that send no headers;
        // the hashes above stay right, since neither edit touches an inline script.
        for (const page of pages) {
          let html = withMetaCsp(page.html, csp);
          // Then the service worker, still before any other script: it reloads the page once its worker is in control.
          if (options.coiServiceWorker) html = html.replace(/(<meta http-equiv="Content-Security-Policy"[^>]*>)/, `$1<script src="${base}${COI_SCRIPT}"></script>`);
          await writeFile(page.file, html);
        }
        const rules = headerRules({ base, csp, pageDirs: [...pageDirs] });
        await writeFile(join(out, '_headers'), netlifyHeaders(rules));
        const vercelAt = options.vercelJson === undefined ? (base === '/' ? new URL('vercel.json', root) : null) : options.vercelJson;
        if (vercelAt) {
          const text = `${JSON.stringify(vercelConfig(rules), null, 2)}\n`;
          const before = await readFile(vercelAt, 'utf8').catch(() => '');
          if (before !== text) {
            await writeFile(vercelAt, text);
            logger.info('vercel.json changed (an inline script changed): commit it');
          }
        }
        if (options.coiServiceWorker) {
          const require = createRequire(import.meta.url);
          await copyFile(require.resolve('coi-serviceworker/coi-serviceworker.min.js'), join(out, COI_SCRIPT));
        }
        logger.info(`_headers: ${hashes.size} inline script hash(es), ${pageDirs.size} page folder(s)${search ? ', search' : ''}`);
      },
    },
  };
}
