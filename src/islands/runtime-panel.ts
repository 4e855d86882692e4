/**
 * A workbench's runtime controls: the runtime in use ("Browser" or
 * "Node.js (WebContainer)"), the "Runtime" choice, the status line that says
 * why Node.js is not in use, and the "Terminal" region, shown (and xterm.js
 * loaded) only once Node.js is in use. The state lives in runtime.ts, shared
 * by every workbench on the page.
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

export function attachRuntimePanel(root: HTMLElement): RuntimePanel {
  const select = root.querySelector<HTMLSelectElement>(`select${hookSelector('runtimeChoice')}`);
  const label = root.querySelector<HTMLElement>(hookSelector('runtime'));
  const status = root.querySelector<HTMLElement>(hookSelector('runtimeStatus'));
  const region = root.querySelector<HTMLElement>(hookSelector('terminal'));
  const host = region?.querySelector<HTMLElement>(hookSelector('terminalHost'));

  if (select) {
    // A choice made in the static control before the island arrived wins over the stored one.
    const early = parsePreference(select.value);
    if (early !== 'auto' && early !== runtime.preference) runtime.setPreference(early);
    select.addEventListener('change', () => runtime.setPreference(parsePreference(select.value)));
  }

  let terminal: Promise<CourseTerminal | undefined> | undefined;
  const ensureTerminal = (node: Runner) => {
    if (!host) return Promise.resolve(undefined);
    terminal ??= import('./terminal.ts').then(
      (m) => m.mountTerminal(host, node),
      () => undefined,
    );
    return terminal;
  };

  runtime.subscribe((state) => {
    if (select && select.value !== state.preference) select.value = state.preference;
    if (label) label.textContent = state.label;
    if (status && status.textContent !== (state.reason ?? '')) status.textContent = state.reason ?? '';
    if (region) region.hidden = !state.node;
    if (state.node) void ensureTerminal(state.node);
  });
  runtime.ensureBoot();
  return { terminal: ensureTerminal };
}
