/**
 * Whether this browser can run WebContainer well: Chromium- or Firefox-based,
 * on a desktop. Pure (a user-agent string and a few hints in, a boolean out),
 * so it is table-tested. Every iOS/iPadOS browser is WebKit underneath, and
 * Safari's WebContainer support is still partial, so both are left out: they
 * get the browser runtime with a plain-words reason instead of a boot that
 * may never finish.
 */
export interface BrowserHints {
  userAgent: string;
  /** navigator.maxTouchPoints: iPadOS reports a Mac user agent, but a touch screen. */
  maxTouchPoints?: number;
  /** navigator.userAgentData.mobile, where the browser has it (Chromium). */
  mobile?: boolean;
}

export function isSupportedBrowser(hints: BrowserHints): boolean {
  const ua = hints.userAgent;
  if (/iPhone|iPad|iPod/.test(ua)) return false;
  // iPadOS asks for desktop sites with a Macintosh user agent; a Mac has no touch screen.
  if (/Macintosh/.test(ua) && (hints.maxTouchPoints ?? 0) > 1) return false;
  if (hints.mobile || /Android|Mobi/.test(ua)) return false;
  // Chromium-based: Chrome, Edge, Opera, Brave, Vivaldi, headless Chrome all say "Chrome/".
  if (/Chrome\/|Chromium\//.test(ua)) return true;
  if (/Firefox\//.test(ua)) return true;
  // Safari (and anything else WebKit-only).
  return false;
}
