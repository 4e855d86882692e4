/**
 * Build-time data for the lesson components: snippet files (read through
 * Vite, so `astro dev` reloads when one changes) and harness runs of them.
 * Nothing here reaches the browser.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Observation } from '../../lib/harness/observation.ts';
import type { Route } from '../../lib/exercise/spec.ts';
import { parseDirectives, stripDirectives, type Directives } from '../../lib/snippets/directives.ts';
import { parseRoutes, snippetPath } from '../../lib/snippets/files.ts';
import { capturedRun, parseOutputs, type CapturedRun, type SnippetOutputs } from '../../lib/snippets/outputs.ts';
import committedOutputs from '../../../content/snippets/outputs.json';

const raw = (files: Record<string, unknown>) => files as Record<string, string>;
const tsFiles = raw(import.meta.glob('/content/snippets/**/*.ts', { query: '?raw', import: 'default', eager: true }));
const pyFiles = raw(import.meta.glob('/content/snippets/**/*.py', { query: '?raw', import: 'default', eager: true }));
const routeFiles = raw(import.meta.glob('/content/snippets/**/*.routes.json', { query: '?raw', import: 'default', eager: true }));

export interface SnippetFile {
  /** Path under content/snippets/, e.g. "event-loop/order.ts". */
  src: string;
  /** The file as written (directives included): what the harness or python3 runs. */
  source: string;
  /** The file as a page shows it: without the directive lines. */
  shown: string;
  directives: Directives;
  routes?: Record<string, Route>;
}

/** A snippet by its path under content/snippets/; the build fails naming `usedBy` if it is missing. */
export function snippet(src: string, usedBy: string): SnippetFile {
  const clean = snippetPath(src);
  const key = `/content/snippets/${clean}`;
  const files = clean.endsWith('.py') ? pyFiles : clean.endsWith('.ts') ? tsFiles : undefined;
  if (!files) throw new Error(`${usedBy}: "${src}" must name a .ts or .py file under content/snippets/`);
  const source = files[key];
  if (source === undefined) {
    const near = Object.keys(files)
      .filter((k) => k.split('/').at(-2) === clean.split('/').at(-2))
      .map((k) => k.replace('/content/snippets/', ''));
    throw new Error(`${usedBy}: no such file content/snippets/${clean}${near.length ? ` (that folder has: ${near.join(', ')})` : ''}`);
  }
  const routesKey = key.replace(/\.ts$/, '.routes.json');
  const routesText = clean.endsWith('.ts') ? routeFiles[routesKey] : undefined;
  return {
    src: clean,
    source,
    shown: stripDirectives(source),
    directives: parseDirectives(source, `content/snippets/${clean}`),
    routes: routesText === undefined ? undefined : parseRoutes(routesText, routesKey.slice(1)),
  };
}

type ObserveProgram = (source: string, options?: { routes?: Record<string, Route>; budgetMs?: number }) => Promise<Observation>;
let observeProgram: Promise<ObserveProgram> | undefined;

/**
 * The harness's observeProgram, imported by Node itself rather than bundled
 * by Vite: it starts a worker from files next to it (harness-worker.ts),
 * which a bundled copy in dist/ can't find.
 */
function loadObserveProgram(): Promise<ObserveProgram> {
  const url = pathToFileURL(join(process.cwd(), 'src/lib/node/observe-program.ts')).href;
  const nativeImport = new Function('url', 'return import(url)') as (url: string) => Promise<{ observeProgram: ObserveProgram }>;
  return (observeProgram ??= nativeImport(url).then((m) => m.observeProgram));
}

const runs = new Map<string, Promise<Observation>>();

/** The snippet run through the harness on the virtual clock (once per build, whatever the number of uses). */
export function runSnippet(file: SnippetFile): Promise<Observation> {
  const key = `${file.source}\u0000${JSON.stringify(file.routes ?? {})}`;
  let run = runs.get(key);
  if (!run) {
    // A generous real-time budget: the build may share the machine with other work.
    run = loadObserveProgram().then((observe) => observe(file.source, { routes: file.routes, budgetMs: 30_000 }));
    runs.set(key, run);
  }
  return run;
}

let outputs: SnippetOutputs | undefined;

/**
 * What a snippet printed, from the committed capture
 * (content/snippets/outputs.json, written by `npm run snippets:capture`):
 * CPython's run for .py files, so the build needs no Python; the harness's
 * (or real Node's) for .ts files. The build fails, naming `usedBy`, if the
 * snippet was never captured.
 */
export function snippetOutput(file: SnippetFile, usedBy: string): CapturedRun {
  outputs ??= parseOutputs(committedOutputs);
  return capturedRun(outputs, file.src, usedBy);
}
