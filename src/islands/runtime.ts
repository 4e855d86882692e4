/**
 * Which runner runs the code, decided by the pure `pickRuntime`. This issue
 * ships the browser runner only; the WebContainer runner (issue 5) plugs in
 * here behind the same Runner interface, loaded with its own import() so a
 * page never pays for it unless it is used.
 */
import { pickRuntime, RUNTIME_LABELS, type Runner, type RuntimeChoice } from '../lib/runtime/runner.ts';
// The browser runner is the one every page can use (and the fallback), and it is small: loaded with the island.
import { BrowserRunner } from '../lib/runtime/browser-runner.ts';

export interface RunnerHandle {
  runner: Runner & { warm?(): Promise<void> };
  choice: RuntimeChoice;
}

export function currentChoice(): RuntimeChoice {
  return pickRuntime({
    preference: 'auto',
    // No WebContainer runner yet: Auto resolves to the browser without a notice.
    webcontainerEnabled: false,
    crossOriginIsolated: globalThis.crossOriginIsolated === true,
    sharedArrayBuffer: typeof SharedArrayBuffer === 'function',
    supportedBrowser: false,
    boot: 'idle',
  });
}

export async function createRunner(): Promise<RunnerHandle> {
  const choice = currentChoice();
  return { runner: new BrowserRunner(), choice };
}

export const BROWSER_LABEL = RUNTIME_LABELS.browser;
