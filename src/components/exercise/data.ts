/**
 * Build-time access to exercises and snippets for the .astro components and
 * pages. Vite's import.meta.glob reads the files (so `astro dev` reloads when
 * one changes); nothing here reaches the browser.
 */
import { readExerciseFolders, type ExerciseFolder } from '../../lib/exercise/folder.ts';
import type { Route } from '../../lib/exercise/spec.ts';

const raw = (files: Record<string, unknown>) => files as Record<string, string>;

// Every file of every exercise folder, checked by the same rules as the CLI's (src/lib/exercise/folder.ts).
const exerciseFiles = raw(import.meta.glob(['/content/exercises/*/*', '/content/exercises/*/*/*.ts'], { query: '?raw', import: 'default', eager: true }));
const snippetFiles = raw(import.meta.glob('/content/snippets/**/*.ts', { query: '?raw', import: 'default', eager: true }));
const routeFiles = raw(import.meta.glob('/content/snippets/**/*.routes.json', { query: '?raw', import: 'default', eager: true }));

export type ExerciseData = ExerciseFolder;

let folders: ExerciseFolder[] | undefined;

/** Every exercise folder, sorted by id; an incomplete or invalid folder fails the build, named. */
export function allExercises(): ExerciseData[] {
  folders ??= readExerciseFolders(exerciseFiles, '/content/exercises/');
  return [...folders];
}

/** One exercise; the build fails with the id named if it doesn't exist. */
export function getExercise(id: string): ExerciseData {
  const found = allExercises().find((e) => e.id === id);
  if (!found) {
    throw new Error(`<Exercise id="${id}">: there is no exercise folder content/exercises/${id}/ (known: ${allExercises().map((e) => e.id).join(', ')})`);
  }
  return found;
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
