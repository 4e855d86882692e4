/**
 * Snippet files on disk, for the tests (Node only: not for pages, which read
 * snippets through Vite so `astro dev` reloads on edits).
 *
 *   content/snippets/<lesson>/<name>.ts            TypeScript, run by the harness
 *   content/snippets/<lesson>/<name>.routes.json   its simulated fetch endpoints (optional)
 *   content/snippets/<lesson>/<name>.py            Python, run by python3 in the tests
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Route } from '../exercise/spec.ts';

export const ROOT = resolve(fileURLToPath(new URL('../../../', import.meta.url)));
export const SNIPPETS_DIR = join(ROOT, 'content', 'snippets');
const LESSONS_DIR = join(ROOT, 'content', 'lessons');

/** Paths under content/snippets/ (with forward slashes) of files ending in `ext`, sorted. */
export function listSnippets(ext: '.ts' | '.py', dir = SNIPPETS_DIR): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith(ext) && !entry.name.endsWith('.d.ts')) out.push(relative(dir, full).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** Normalises "content/snippets/x.ts", "/x.ts" and "x.ts" to "x.ts". */
export function snippetPath(src: string): string {
  return src.replace(/^\/+/, '').replace(/^content\/snippets\//, '');
}

export function readSnippet(src: string, dir = SNIPPETS_DIR): string {
  return readFileSync(join(dir, snippetPath(src)), 'utf8');
}

/** The routes sidecar of a .ts snippet, if it has one; throws naming the file if it is malformed. */
export function readRoutes(src: string, dir = SNIPPETS_DIR): Record<string, Route> | undefined {
  const path = join(dir, snippetPath(src).replace(/\.ts$/, '.routes.json'));
  if (!existsSync(path)) return undefined;
  return parseRoutes(readFileSync(path, 'utf8'), path);
}

/** Parses and checks a routes sidecar. */
export function parseRoutes(text: string, file: string): Record<string, Route> {
  let routes: Record<string, Route>;
  try {
    routes = JSON.parse(text) as Record<string, Route>;
  } catch (error) {
    throw new Error(`${file}: not valid JSON (${(error as Error).message})`);
  }
  for (const [url, route] of Object.entries(routes)) {
    if (typeof route?.status !== 'number' || typeof route.body !== 'string' || typeof route.latency !== 'number') {
      throw new Error(`${file}: "${url}" needs a numeric status, a string body and a numeric latency`);
    }
  }
  return routes;
}

/** Every lesson's MDX source, by file name. */
export function lessonSources(dir = LESSONS_DIR): Array<{ file: string; source: string }> {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .sort()
    .map((file) => ({ file, source: readFileSync(join(dir, file), 'utf8') }));
}
