/**
 * The page's runtime controller, shared by every workbench on the page.
 *
 * It reads the learner's choice (Auto, Browser, Node.js: localStorage, a
 * small prefs key), asks the pure `pickRuntime` with the real environment,
 * and, only when that says so, boots WebContainer once per tab in the
 * background (bootOnce, 15 s timeout). Run never waits for the boot: until
 * WebContainer is ready, `current()` is the browser runner. Workbenches
 * subscribe, so a boot that ends, or a choice made in one panel, shows in all.
 *
 * This module loads with the island, so nothing about WebContainer loads on a
 * page without a sandbox; @webcontainer/api and the Node runner are further
 * dynamic imports, fetched only when a boot starts / succeeds.
 */
import { FALLBACK_SUFFIX, pickRuntime, RUNTIME_LABELS, type Runner, type RuntimeChoice, type RuntimeEnvironment, type RuntimePreference } from '../lib/runtime/runner.ts';
// The browser runner is the one every page can use (and the fallback), and it is small: loaded with the island.
import { BrowserRunner } from '../lib/runtime/browser-runner.ts';
import { BOOT_TIMEOUT_MS, bootOnce } from '../lib/runtime/webcontainer/boot.ts';
import type { WebContainerModule } from '../lib/runtime/webcontainer/api.ts';
import type { WebContainerRunner } from '../lib/runtime/webcontainer/webcontainer-runner.ts';
import { apiKeyFrom, parsePreference, RUNTIME_PREF_KEY, webcontainerMode } from '../lib/runtime/preference.ts';
import { isSupportedBrowser } from '../lib/runtime/supported-browser.ts';

export interface RunnerHandle {
  runner: Runner;
  choice: RuntimeChoice;
}

/** Each workbench keeps a browser runner of its own (one run at a time per runner). */
export function createBrowserRunner(): BrowserRunner {
  return new BrowserRunner();
}

export interface RuntimeState {
  preference: RuntimePreference;
  choice: RuntimeChoice;
  /** "Browser" or "Node.js (WebContainer)". */
  label: string;
  /** The reason Node.js is not in use, in plain words; undefined when there is nothing to say. */
  reason: string | undefined;
  /** The Node runner, once booted and chosen. */
  node: WebContainerRunner | undefined;
  /** Where this tab's WebContainer boot stands (shown on the Runtime disclosure as data-boot, for tests). */
  boot: RuntimeEnvironment['boot'];
}

type Listener = (state: RuntimeState) => void;

/** Storage can throw (disabled cookies, a sandboxed frame, quota): the choice then lasts for this page only. */
function readPreference(): RuntimePreference {
  try {
    return parsePreference(localStorage.getItem(RUNTIME_PREF_KEY));
  } catch {
    return 'auto';
  }
}
function writePreference(value: RuntimePreference): void {
  try {
    localStorage.setItem(RUNTIME_PREF_KEY, value);
  } catch {
    // Kept in memory for this page; nothing else to do.
  }
}

function supportedBrowser(): boolean {
  const nav = navigator as Navigator & { userAgentData?: { mobile?: boolean } };
  return isSupportedBrowser({ userAgent: nav.userAgent, maxTouchPoints: nav.maxTouchPoints, mobile: nav.userAgentData?.mobile });
}

/** The site's PUBLIC_WEBCONTAINER setting, fixed at build time. */
const SITE_MODE = webcontainerMode(import.meta.env.PUBLIC_WEBCONTAINER);

class RuntimeController {
  #preference = readPreference();
  #boot: RuntimeEnvironment['boot'] = 'idle';
  #bootReason: string | undefined;
  #node: WebContainerRunner | undefined;
  #listeners = new Set<Listener>();

  get preference(): RuntimePreference {
    return this.#preference;
  }

  #environment(): RuntimeEnvironment {
    return {
      preference: this.#preference,
      webcontainerEnabled: SITE_MODE !== 'off',
      onDemand: SITE_MODE === 'on-demand',
      crossOriginIsolated: globalThis.crossOriginIsolated === true,
      sharedArrayBuffer: typeof SharedArrayBuffer === 'function',
      supportedBrowser: supportedBrowser(),
      boot: this.#boot,
    };
  }

  state(): RuntimeState {
    const choice = pickRuntime(this.#environment());
    let reason = choice.reason;
    // bootWithTimeout's own words are more precise than pickRuntime's generic ones (they say how long it waited).
    if (reason && this.#bootReason && (this.#boot === 'failed' || this.#boot === 'timed-out')) reason = `${this.#bootReason}; ${FALLBACK_SUFFIX}`;
    const node = choice.kind === 'webcontainer' ? this.#node : undefined;
    return { preference: this.#preference, choice, label: RUNTIME_LABELS[node ? 'webcontainer' : 'browser'], reason, node, boot: this.#boot };
  }

  /** The runner to use right now, given the workbench's own browser runner: never waits for a boot. */
  current(browser: BrowserRunner): RunnerHandle {
    const state = this.state();
    return { runner: state.node ?? browser, choice: state.choice };
  }

  setPreference(value: RuntimePreference): void {
    if (value === this.#preference) return;
    this.#preference = value;
    writePreference(value);
    this.#notify();
    this.ensureBoot();
  }

  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    listener(this.state());
    return () => this.#listeners.delete(listener);
  }

  /** Starts the tab's one WebContainer boot in the background, when the choice and the browser allow it. */
  ensureBoot(): void {
    if (this.#boot !== 'idle' || !this.state().choice.bootWebContainer) return;
    this.#boot = 'booting';
    this.#notify();
    void bootOnce({
      load: () => import('./webcontainer-api.ts') as Promise<WebContainerModule>,
      timeoutMs: BOOT_TIMEOUT_MS,
      apiKey: apiKeyFrom(import.meta.env.PUBLIC_WEBCONTAINER_API_KEY),
    }).then(async (result) => {
      if (result.state === 'ready') {
        try {
          const { createNodeRunner } = await import('./node-runtime.ts');
          this.#node = createNodeRunner(result.container);
          this.#boot = 'ready';
        } catch (error) {
          this.#boot = 'failed';
          this.#bootReason = `Node.js couldn't start in this page (${(error as Error).message})`;
        }
      } else {
        this.#boot = result.state;
        this.#bootReason = result.reason;
      }
      this.#notify();
    });
  }

  #notify(): void {
    const state = this.state();
    for (const listener of this.#listeners) listener(state);
  }
}

export const runtime = new RuntimeController();

export const BROWSER_LABEL = RUNTIME_LABELS.browser;
