/**
 * What the service worker keeps, as data: pure, so a unit test can hold the
 * build's file list against it (src/integrations/offline.ts applies it).
 */

/** The worker's file name, at the site's base. */
export const SW_FILE = 'sw.js';

/** Runtime caches, filled on first use. */
export const OFFLINE_CACHES = {
  /** Self-hosted Pyodide: only a learner who runs Python pays for it. */
  pyodide: 'async-course-pyodide',
  /** The TypeScript service (compiler and lib files) and any other hashed chunk not precached. */
  chunks: 'async-course-chunks',
} as const;

/**
 * Files of the TypeScript service: the worker bundling the compiler (several
 * MB) and the library `.d.ts` files it fetches. Loaded only once a learner
 * edits, so they are cached on that first use instead of on every first visit.
 */
export const TYPESCRIPT_SERVICE = ['_astro/ts-worker*'];

/**
 * The Node.js runtime's chunks (WebContainer's client, its terminal): it
 * boots from StackBlitz's servers, so it cannot work offline anyway; cached
 * on first use like the rest, but not downloaded up front.
 */
export const NODE_RUNTIME = ['_astro/node-runtime*', '_astro/terminal*', '_astro/webcontainer-api*'];

/** Pagefind's own ready-made UIs: the course has its own (src/components/search). */
export const UNUSED_SEARCH_UI = ['pagefind/pagefind-*ui*', 'pagefind/pagefind-highlight.js'];

export interface PrecacheGlobs {
  include: string[];
  ignore: string[];
}

/**
 * Precached at install: every page, the CSS, the islands' chunks (editor,
 * runtime worker, sandbox frame), the search index, the icon and fonts.
 * Left to runtime caching: Pyodide and the TypeScript service. Never cached:
 * the host's header files, the worker itself, coi-serviceworker.
 */
export function precacheGlobs(): PrecacheGlobs {
  return {
    include: ['**/*.{html,css,js,mjs,svg,woff2,json,wasm}', 'pagefind/**/*'],
    ignore: ['pyodide/**', SW_FILE, 'coi-serviceworker.js', '_headers', ...TYPESCRIPT_SERVICE, ...NODE_RUNTIME, ...UNUSED_SEARCH_UI],
  };
}

/**
 * The registration, inlined in every page: registers after `load`, so it
 * never competes with the page's own first load, and says nothing if the
 * browser refuses (private modes, blocked by the test runner).
 */
export function registrationScript(base: string): string {
  const url = JSON.stringify(`${base}${SW_FILE}`);
  return `"serviceWorker"in navigator&&addEventListener("load",()=>navigator.serviceWorker.register(${url}).catch(()=>{}))`;
}
