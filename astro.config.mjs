// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { nodeHarnessPlugin } from './src/lib/runtime/webcontainer/vite-plugin.mjs';
import hosting from './src/integrations/hosting.ts';
import pyodideAssets from './src/integrations/pyodide.ts';
import { offlineRegistration, offlineWorker } from './src/integrations/offline.ts';
import { CODE_DEFAULT_COLOR, CODE_THEMES } from './src/components/lesson/shiki.ts';
import { fileURLToPath } from 'node:url';

/**
 * Search: after every `astro build`, Pagefind indexes the built pages (only
 * the parts marked `data-pagefind-body`: lessons, exercises, the cheat
 * sheet) into dist/pagefind, which the Search dialog loads when opened.
 */
/** @returns {import('astro').AstroIntegration} */
function pagefindIndex() {
  return {
    name: 'pagefind-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const pagefind = await import('pagefind');
        const { index, errors } = await pagefind.createIndex({});
        if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
        const site = fileURLToPath(dir);
        const added = await index.addDirectory({ path: site });
        if (added.errors.length) throw new Error(`Pagefind: ${added.errors.join('; ')}`);
        await index.writeFiles({ outputPath: `${site.replace(/\/$/, '')}/pagefind` });
        await pagefind.close();
        logger.info(`Pagefind indexed ${added.page_count} pages`);
      },
    },
  };
}

/**
 * Cross-origin isolation: WebContainer (and SharedArrayBuffer) need it.
 * Static hosts get the same headers, and the CSP, from the files that
 * src/integrations/hosting.ts writes at build time (dist/_headers, vercel.json).
 * CORP same-origin marks our own assets as embeddable only by us.
 */
const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/*
 * Hosting switches, all from the environment so one config serves every host:
 * - COURSE_BASE: the sub-path the site lives under, e.g. `/course/` (default `/`);
 * - COURSE_SITE: the site's origin, e.g. `https://example.github.io` (default none);
 * - COURSE_OUT_DIR: where the build goes (default `./dist`), so a sub-path
 *   build can sit beside the normal one;
 * - COURSE_COI_SW=1: load coi-serviceworker in every page (GitHub Pages, which
 *   cannot send the isolation headers itself);
 * - COURSE_OFFLINE=0: no offline service worker (default on). It is also off
 *   with COURSE_COI_SW=1, since coi-serviceworker holds the same scope.
 */
const env = process.env;
const offline = env.COURSE_OFFLINE !== '0' && env.COURSE_COI_SW !== '1';

export default defineConfig({
  base: env.COURSE_BASE || '/',
  ...(env.COURSE_SITE ? { site: env.COURSE_SITE } : {}),
  ...(env.COURSE_OUT_DIR ? { outDir: env.COURSE_OUT_DIR } : {}),
  // hosting() hashes the finished pages' inline scripts (the offline registration's too) and sees whether the
  // search index is there; the offline worker comes after it, so its precache holds the final pages.
  integrations: [
    mdx(),
    pagefindIndex(),
    pyodideAssets(),
    offlineRegistration({ enabled: offline }),
    hosting({ coiServiceWorker: env.COURSE_COI_SW === '1' }),
    offlineWorker({ enabled: offline }),
  ],
  // `astro dev` and `astro preview` both send these.
  server: { headers: isolationHeaders },
  // Lesson pages carry no JS of their own; nothing to prefetch.
  prefetch: false,
  devToolbar: { enabled: false },
  vite: {
    // `virtual:course-node-harness`: the harness as one Node module, mounted in WebContainer (Node.js runtime only).
    plugins: [nodeHarnessPlugin()],
  },
  markdown: {
    shikiConfig: {
      // The same themes as components' <Code> (src/components/lesson/shiki.ts says why these).
      themes: CODE_THEMES,
      defaultColor: CODE_DEFAULT_COLOR,
      wrap: false,
    },
  },
});
