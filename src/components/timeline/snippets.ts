/**
 * Build time only: a lesson snippet (content/snippets/<path>.ts) run under
 * the virtual clock, for the figures <Timeline>, <CompareTimelines> and
 * <EventLoopSteps> draw. Each snippet runs once per build, however many
 * figures or pages show it. Nothing here reaches the browser.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Route } from '../../lib/exercise/spec.ts';
import type { ScenarioObservation } from '../../lib/harness/observation.ts';
import type { observeProgram as ObserveProgram } from '../../lib/node/observe-program.ts';

const raw = (files: Record<string, unknown>) => files as Record<string, string>;
const snippetFiles = raw(import.meta.glob('/content/snippets/**/*.ts', { query: '?raw', import: 'default', eager: true }));
const routeFiles = raw(import.meta.glob('/content/snippets/**/*.routes.json', { query: '?raw', import: 'default', eager: true }));

let observeProgram: Promise<typeof ObserveProgram> | undefined;

/**
 * observeProgram, imported by Node itself rather than bundled by Vite: it
 * starts a worker from files beside it (harness-worker.ts), which a bundled
 * copy under dist/ can't find. Node 22 runs the .ts source directly.
 */
function loadObserveProgram(): Promise<typeof ObserveProgram> {
  const url = pathToFileURL(join(process.cwd(), 'src/lib/node/observe-program.ts')).href;
  const nativeImport = new Function('url', 'return import(url)') as (url: string) => Promise<{ observeProgram: typeof ObserveProgram }>;
  return (observeProgram ??= nativeImport(url).then((m) => m.observeProgram));
}

const runs = new Map<string, Promise<ScenarioObservation>>();

/** "performance/sequential.ts" (or with a leading "content/snippets/") → the file's path in the glob. */
function snippetPath(src: string): string {
  const clean = src.replace(/^\/+/, '').replace(/^content\/snippets\//, '');
  return `/content/snippets/${clean}`;
}

/** A snippet's source text; the build fails, naming the snippet, if it does not exist. */
export function snippetSource(src: string, component: string): string {
  const path = snippetPath(src);
  const code = snippetFiles[path];
  if (code === undefined) {
    const known = Object.keys(snippetFiles).map((p) => p.replace('/content/snippets/', '')).join(', ');
    throw new Error(`<${component} src="${src}">: no such file ${path.slice(1)} (known: ${known})`);
  }
  return code;
}

/**
 * Runs a snippet and returns its one scenario. The build fails, naming the
 * snippet, if it does not exist, does not compile, or the run broke down
 * (an error the snippet throws on purpose is kept and drawn).
 */
export function observeSnippet(src: string, component: string): Promise<ScenarioObservation> {
  const path = snippetPath(src);
  let run = runs.get(path);
  if (!run) {
    const code = snippetSource(src, component);
    const routesText = routeFiles[path.replace(/\.ts$/, '.routes.json')];
    const routes = routesText === undefined ? undefined : (JSON.parse(routesText) as Record<string, Route>);
    run = loadObserveProgram().then((observe) => observe(code, { mode: 'check', routes })).then((observation) => {
      const problem =
        observation.compileError ??
        observation.scenarios[0]?.errors.find((e) => e.kind === 'internal' || e.kind === 'budget' || e.kind === 'virtual-limit');
      const scenario = observation.scenarios[0];
      if (problem || !scenario) {
        throw new Error(`<${component} src="${src}">: the snippet did not run cleanly: ${problem?.message ?? 'no scenario'}`);
      }
      return scenario;
    });
    runs.set(path, run);
  }
  return run;
}

let counter = 0;
/** Ids unique on a page (the browser island uses "tl-i…"). */
export const buildId = (kind: string) => `tl-b${kind}${++counter}`;
