/**
 * The runtime controls. The page has one "Runtime" disclosure
 * (RuntimeSettings.astro) with the runtime in use and the learner's choice;
 * each workbench has its status line, which says why Node.js is not in use
 * only when the learner asked for Node.js, and its "Terminal" region, shown
 * (and xterm.js loaded) only once Node.js is in use. The state lives in
 * runtime.ts, shared by every workbench on the page.
 */
import { parsePreference } from '../lib/runtime/preference.ts';
import type { Runner } from '../lib/runtime/runner.ts';
import { runtime } from './runtime.ts';
import type { CourseTerminal } from './terminal.ts';
import { hookSelector } from '../components/exercise/workbench-hooks.ts';

export interface RuntimePanel {
  /** Where a Node run's raw output goes: this panel's terminal, mounted first if need be. */
  terminal(node: Runner): Promise<CourseTerminal | undefined>;
}

let settingsWired = false;

/** The page's Runtime disclosure, wired once (by the first workbench to upgrade). */
function wireSettings(): void {
  if (settingsWired) return;
  settingsWired = true;
  const settings = document.querySelector<HTMLElement>('[data-runtime-settings]');
  if (!settings) return;
  const select = settings.querySelector<HTMLSelectElement>(`select${hookSelector('runtimeChoice')}`);
  const label = settings.querySelector<HTMLElement>(hookSelector('runtime'));
  if (select) {
    // A choice made in the static control before the island arrived wins over the stored one.
    const early = parsePreference(select.value);
    if (early !== 'auto' && early !== runtime.preference) runtime.setPreference(early);
    select.addEventListener('change', () => runtime.setPreference(parsePreference(select.value)));
  }
  runtime.subscribe((state) => {
    if (select && select.value !== state.preference) select.value = state.preference;
    if (label) label.textContent = state.label;
    settings.dataset.boot = state.boot;
  });
}

export function attachRuntimePanel(root: HTMLElement): RuntimePanel {
  const status = root.querySelector<HTMLElement>(hookSelector('runtimeStatus'));
  const region = root.querySelector<HTMLElement>(hookSelector('terminal'));
  const host = region?.querySelector<HTMLElement>(hookSelector('terminalHost'));

  let terminal: Promise<CourseTerminal | undefined> | undefined;
  const ensureTerminal = (node: Runner) => {
    if (!host) return Promise.resolve(undefined);
    terminal ??= import('./terminal.ts').then(
      (m) => m.mountTerminal(host, node),
      () => undefined,
    );
    return terminal;
  };

  wireSettings();
  runtime.subscribe((state) => {
    if (status && status.textContent !== (state.reason ?? '')) status.textContent = state.reason ?? '';
    if (region) region.hidden = !state.node;
    if (state.node) void ensureTerminal(state.node);
  });
  runtime.ensureBoot();
  return { terminal: ensureTerminal };
}
