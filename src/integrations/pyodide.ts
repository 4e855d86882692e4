/**
 * Serves Pyodide from the site itself, out of the `pyodide` npm package: no
 * CDN, so Python runs offline and under COEP. `astro build` copies the files
 * the page needs into dist/pyodide/<version>/; `astro dev` serves the same
 * paths straight from node_modules. Nothing references them from a page:
 * the Python island fetches them when a learner first runs Python.
 */
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { PYODIDE_DIR, PYODIDE_FILES, PYODIDE_VERSION, type PyodideFile } from '../lib/python/pyodide-files.ts';

function packageDir(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve('pyodide/package.json'));
}

const CONTENT_TYPES: Record<string, string> = {
  mjs: 'text/javascript',
  wasm: 'application/wasm',
  zip: 'application/zip',
  json: 'application/json',
};

export default function pyodideAssets(): AstroIntegration {
  let base = '/';
  return {
    name: 'course-pyodide',
    hooks: {
      'astro:config:done': async ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        const installed = JSON.parse(await readFile(join(packageDir(), 'package.json'), 'utf8')) as { version: string };
        // The page asks for files under this version's folder; a different install would be served under the wrong name.
        if (installed.version !== PYODIDE_VERSION) {
          throw new Error(`pyodide ${installed.version} is installed but src/lib/python/pyodide-files.ts names ${PYODIDE_VERSION}: update PYODIDE_VERSION`);
        }
      },
      'astro:server:setup': ({ server }) => {
        const prefix = `${base}${PYODIDE_DIR}`;
        server.middlewares.use(async (req, res, next) => {
          const path = (req.url ?? '').split('?')[0]!;
          if (!path.startsWith(prefix)) return next();
          const name = path.slice(prefix.length) as PyodideFile;
          if (!PYODIDE_FILES.includes(name)) return next();
          const body = await readFile(join(packageDir(), name));
          res.setHeader('Content-Type', CONTENT_TYPES[name.split('.').pop()!] ?? 'application/octet-stream');
          res.end(body);
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = join(fileURLToPath(dir), PYODIDE_DIR);
        await mkdir(out, { recursive: true });
        for (const name of PYODIDE_FILES) await copyFile(join(packageDir(), name), join(out, name));
        logger.info(`Pyodide ${PYODIDE_VERSION}: ${PYODIDE_FILES.length} files in ${PYODIDE_DIR}`);
      },
    },
  };
}
