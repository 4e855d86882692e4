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

/** PUBLIC_WEBCONTAINER: "off", "false", "0" or "no" turn WebContainer off site-wide; unset or anything else leaves it on. */
export function webcontainerEnabled(value: string | boolean | undefined): boolean {
  if (value === undefined || value === true) return true;
  if (value === false) return false;
  return !/^(off|false|0|no)$/i.test(value.trim());
}

/** PUBLIC_WEBCONTAINER_API_KEY: blank means none (fine for open source; commercial hosts need one). */
export function apiKeyFrom(value: string | undefined): string | undefined {
  const key = value?.trim();
  return key ? key : undefined;
}
