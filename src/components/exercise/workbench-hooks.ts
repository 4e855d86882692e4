/**
 * The contract between the workbench's markup (Workbench.astro) and its
 * islands (src/islands/workbench.ts, results-view.ts, runtime-panel.ts,
 * loader.ts): the `data-*` hooks the islands find elements by, the button
 * actions, and the panel's settings. Both sides import the names from here,
 * so a renamed hook is a type error, not a silently dead button.
 *
 * Pure (no DOM): the component uses it at build time, the islands in the page.
 */
import type { Route } from '../../lib/exercise/spec.ts';
import { CHECK_BUDGET_MS, RUN_BUDGET_MS } from '../../lib/harness/limits.ts';

/** Hook name → the `data-` attribute (without the prefix) that marks the element. */
export const HOOKS = {
  config: 'config',
  panes: 'panes',
  editor: 'editor',
  paneLabel: 'pane-label',
  solutionPane: 'solution-pane',
  solution: 'solution',
  keys: 'keys',
  notice: 'notice',
  runtime: 'runtime',
  runtimeChoice: 'runtime-choice',
  runtimeStatus: 'runtime-status',
  output: 'output',
  terminal: 'terminal',
  terminalHost: 'terminal-host',
  results: 'results',
  announce: 'announce',
  resetDialog: 'reset-dialog',
  ladder: 'ladder',
  hintList: 'hint-list',
  hintDone: 'hint-done',
} as const;

export type Hook = keyof typeof HOOKS;

/** The attribute that marks an element as `name`, to spread onto it in the component: `<div {...hook('output')}>`. */
export function hook(name: Hook): Record<string, string> {
  return { [`data-${HOOKS[name]}`]: '' };
}

/** The CSS selector that finds the element marked `name`. */
export function hookSelector(name: Hook): string {
  return `[data-${HOOKS[name]}]`;
}

/** What the toolbar and hint buttons do, as `data-action` values. */
export const ACTIONS = ['run', 'check', 'stop', 'reset', 'solution', 'hint'] as const;
export type Action = (typeof ACTIONS)[number];

export const isAction = (value: string | undefined): value is Action => (ACTIONS as readonly string[]).includes(value ?? '');

/** The attribute for a button that performs `action`. */
export function action(name: Action): { 'data-action': Action } {
  return { 'data-action': name };
}

export function actionSelector(name?: Action): string {
  return name ? `button[data-action="${name}"]` : 'button[data-action]';
}

/** A panel's settings: written once by the component (as JSON in `data-config`), read once by the island. */
export interface WorkbenchConfig {
  kind: 'exercise' | 'sandbox';
  /** Exercise id, or the snippet path of a sandbox. */
  id: string;
  /** Real-time budget for Run, in ms. */
  runBudgetMs: number;
  /** Real-time budget for Check, in ms (exercises). */
  checkBudgetMs: number;
  /** Simulated fetch routes of a sandbox snippet. */
  routes?: Record<string, Route>;
}

/**
 * The budget defaults (lib/harness/limits.ts). Exercises state theirs in
 * exercise.json (its schema defaults to the same constants); lesson
 * sandboxes take these.
 */
export const WORKBENCH_DEFAULTS = { runBudgetMs: RUN_BUDGET_MS, checkBudgetMs: CHECK_BUDGET_MS } as const;

/** Settings with the defaults filled in. */
export function workbenchConfig(input: Pick<WorkbenchConfig, 'kind' | 'id'> & Partial<WorkbenchConfig>): WorkbenchConfig {
  return {
    kind: input.kind,
    id: input.id,
    runBudgetMs: input.runBudgetMs ?? WORKBENCH_DEFAULTS.runBudgetMs,
    checkBudgetMs: input.checkBudgetMs ?? WORKBENCH_DEFAULTS.checkBudgetMs,
    ...(input.routes ? { routes: input.routes } : {}),
  };
}

const positive = (n: unknown, fallback: number) => (typeof n === 'number' && Number.isFinite(n) && n > 0 ? n : fallback);

/** Reads `data-config` in the page: anything missing or malformed falls back to the defaults. */
export function readWorkbenchConfig(json: string | undefined): WorkbenchConfig {
  let data: Partial<Record<keyof WorkbenchConfig, unknown>> = {};
  try {
    const parsed: unknown = JSON.parse(json ?? '{}');
    if (parsed && typeof parsed === 'object') data = parsed as typeof data;
  } catch {
    // the defaults below
  }
  const routes = data.routes && typeof data.routes === 'object' ? (data.routes as Record<string, Route>) : undefined;
  return workbenchConfig({
    kind: data.kind === 'sandbox' ? 'sandbox' : 'exercise',
    id: typeof data.id === 'string' ? data.id : '',
    runBudgetMs: positive(data.runBudgetMs, WORKBENCH_DEFAULTS.runBudgetMs),
    checkBudgetMs: positive(data.checkBudgetMs, WORKBENCH_DEFAULTS.checkBudgetMs),
    routes,
  });
}
