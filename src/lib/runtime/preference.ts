/**
 * The learner's runtime choice as stored, and the site's build-time switch.
 * Pure: stored text and env strings in, typed values out, so anything odd
 * (an old value, a hand-edited key, an unset variable) lands on the default.
 */
import type { RuntimePreference } from './runner.ts';

/** localStorage key of the "Runtime" control's value (a small prefs key, apart from the progress store). */
export const RUNTIME_PREF_KEY = 'course:prefs:runtime';

export const RUNTIME_OPTIONS: ReadonlyArray<{ value: RuntimePreference; label: string }> = [
  { value: 'auto', label: 'Auto' },
  { value: 'browser', label: 'Browser' },
  { value: 'node', label: 'Node.js' },
];

/** Anything but a known value means Auto, the default. */
export function parsePreference(stored: string | null | undefined): RuntimePreference {
  return stored === 'browser' || stored === 'node' || stored === 'auto' ? stored : 'auto';
}

/** How the site uses WebContainer: boot it in the background under Auto, only when the learner chooses Node.js, or never. */
export type WebContainerMode = 'auto' | 'on-demand' | 'off';

/**
 * PUBLIC_WEBCONTAINER: "auto" (the default: boot in the background), "on-demand" (boot only
 * when the learner chooses Node.js; no request to StackBlitz otherwise), or "off" (never;
 * "false", "0" and "no" mean off too). Unset or anything else is the default.
 */
export function webcontainerMode(value: string | boolean | undefined): WebContainerMode {
  if (value === undefined || value === true) return 'auto';
  if (value === false) return 'off';
  const text = value.trim().toLowerCase();
  if (/^(off|false|0|no)$/.test(text)) return 'off';
  if (/^(on-demand|ondemand|on_demand|lazy)$/.test(text)) return 'on-demand';
  return 'auto';
}

/** PUBLIC_WEBCONTAINER: anything but an "off" value leaves WebContainer usable. */
export function webcontainerEnabled(value: string | boolean | undefined): boolean {
  return webcontainerMode(value) !== 'off';
}

/** PUBLIC_WEBCONTAINER_API_KEY: blank means none (fine for open source; commercial hosts need one). */
export function apiKeyFrom(value: string | undefined): string | undefined {
  const key = value?.trim();
  return key ? key : undefined;
}
