/**
 * Boots WebContainer once per tab, with a timeout. A blocked boot (no route
 * to StackBlitz, a strict browser) never settles on its own, so the timeout
 * is what ends it; the page then stays on the browser runtime.
 */
import type { WebContainerLike, WebContainerModule } from './api.ts';

/** The design allows at most 20 s; 15 s leaves a margin on slow networks. */
export const BOOT_TIMEOUT_MS = 15_000;

export type BootResult =
  | { state: 'ready'; container: WebContainerLike }
  | { state: 'failed'; reason: string }
  | { state: 'timed-out'; reason: string };

export interface BootOptions {
  load: () => Promise<WebContainerModule>;
  timeoutMs?: number;
  /** StackBlitz API key, needed for commercial production use (configureAPIKey). */
  apiKey?: string;
  /** For tests: the timer to race the boot with. */
  setTimer?: (fn: () => void, ms: number) => unknown;
}

/** Races the boot against the timeout. Never rejects. */
export async function bootWithTimeout(options: BootOptions): Promise<BootResult> {
  const timeoutMs = options.timeoutMs ?? BOOT_TIMEOUT_MS;
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const boot = (async (): Promise<BootResult> => {
    const module = await options.load();
    if (options.apiKey && module.configureAPIKey) module.configureAPIKey(options.apiKey);
    const container = await module.WebContainer.boot({ coep: 'require-corp', workdirName: 'course' });
    return { state: 'ready', container };
  })().catch((error: unknown): BootResult => ({
    state: 'failed',
    reason: `Node.js couldn't start in this page (${error instanceof Error ? error.message : String(error)})`,
  }));
  const timeout = new Promise<BootResult>((resolve) => {
    setTimer(
      () =>
        resolve({
          state: 'timed-out',
          reason: `Node.js took more than ${Math.round(timeoutMs / 1000)} s to start (it loads from StackBlitz, which may be blocked here)`,
        }),
      timeoutMs,
    );
  });
  return Promise.race([boot, timeout]);
}

let tabBoot: Promise<BootResult> | undefined;

/** The tab's one boot: later calls share the first. */
export function bootOnce(options: BootOptions): Promise<BootResult> {
  tabBoot ??= bootWithTimeout(options);
  return tabBoot;
}
