/**
 * Build-time access to exercises and snippets for the .astro components and
 * pages. Vite's import.meta.glob reads the files (so `astro dev` reloads when
 * one changes); nothing here reaches the browser.
 */
import { parseExerciseMeta, type ExerciseMeta } from '../../lib/exercise/meta.ts';
import type { Route } from '../../lib/exercise/spec.ts';

const raw = (files: Record<string, unknown>) => files as Record<string, string>;

const metaFiles = raw(import.meta.glob('/content/exercises/*/exercise.json', { query: '?raw', import: 'default', eager: true }));
const starterFiles = raw(import.meta.glob('/content/exercises/*/starter.ts', { query: '?raw', import: 'default', eager: true }));
const solutionFiles = raw(import.meta.glob('/content/exercises/*/solution.ts', { query: '?raw', import: 'default', eager: true }));
const snippetFiles = raw(import.meta.glob('/content/snippets/**/*.ts', { query: '?raw', import: 'default', eager: true }));
const routeFiles = raw(import.meta.glob('/content/snippets/**/*.routes.json', { query: '?raw', import: 'default', eager: true }));

export interface ExerciseData {
  id: string;
  meta: ExerciseMeta;
  starter: string;
  solution: string;
}

const idOf = (path: string) => path.split('/').at(-2)!;

/** Every exercise folder with its metadata, sorted by id. */
export function allExercises(): ExerciseData[] {
  return Object.keys(metaFiles)
    .map(idOf)
    .filter((id) => starterFiles[`/content/exercises/${id}/starter.ts`] !== undefined && solutionFiles[`/content/exercises/${id}/solution.ts`] !== undefined)
    .sort()
    .map(getExercise);
}

/** One exercise; the build fails with the id named if it doesn't exist. */
export function getExercise(id: string): ExerciseData {
  const base = `/content/exercises/${id}`;
  const meta = metaFiles[`${base}/exercise.json`];
  const starter = starterFiles[`${base}/starter.ts`];
  const solution = solutionFiles[`${base}/solution.ts`];
  if (meta === undefined || starter === undefined || solution === undefined) {
    const known = Object.keys(metaFiles).map(idOf).join(', ');
    throw new Error(`<Exercise id="${id}">: there is no complete exercise folder content/exercises/${id}/ (known: ${known})`);
  }
  return { id, meta: parseExerciseMeta(meta, `${base}/exercise.json`), starter, solution };
}

export interface SnippetData {
  /** Path under content/snippets/, e.g. "coroutines/eager-start.ts": also its storage id. */
  src: string;
  code: string;
  routes?: Record<string, Route>;
}

/** A snippet and its optional `<name>.routes.json` (simulated fetch endpoints). */
export function getSnippet(src: string): SnippetData {
  const clean = src.replace(/^\/+/, '').replace(/^content\/snippets\//, '');
  const path = `/content/snippets/${clean}`;
  const code = snippetFiles[path];
  if (code === undefined) {
    throw new Error(`<Sandbox src="${src}">: no such file content/snippets/${clean} (known: ${Object.keys(snippetFiles).join(', ')})`);
  }
  const routesPath = path.replace(/\.ts$/, '.routes.json');
  const routesText = routeFiles[routesPath];
  let routes: Record<string, Route> | undefined;
  if (routesText !== undefined) {
    try {
      routes = JSON.parse(routesText) as Record<string, Route>;
    } catch (error) {
      throw new Error(`${routesPath}: not valid JSON (${(error as Error).message})`);
    }
    for (const [url, route] of Object.entries(routes)) {
      if (typeof route?.status !== 'number' || typeof route.body !== 'string' || typeof route.latency !== 'number') {
        throw new Error(`${routesPath}: "${url}" needs a numeric status, a string body and a numeric latency`);
      }
    }
  }
  return { src: clean, code, routes };
}
