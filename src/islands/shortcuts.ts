/**
 * The keyboard hints under the buttons. Its own module because the controls
 * show it as soon as the island is up, while the rest of view-model.ts is
 * needed only once a run returns (it comes in run-results.ts, a later chunk).
 */

/** Keyboard hint text, with the platform's modifier. */
export function shortcuts(isMac: boolean): { run: string; check: string; mod: string } {
  const mod = isMac ? '⌘' : 'Ctrl';
  return { mod, run: `${mod}+Enter`, check: `${mod}+Shift+Enter` };
}
