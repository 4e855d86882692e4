/**
 * The sandbox frame (public/sandbox/frame.html), made the one way both
 * runtimes need it: TypeScript's (browser-runner.ts) and Python's
 * (src/islands/python-runner.ts). The caller appends it to the page and
 * listens for its messages.
 */

let frameHtml: Promise<string> | undefined;

/** The sandbox frame's document, fetched once per page (offline only). */
function loadFrameHtml(url: string): Promise<string> {
  frameHtml ??= fetch(url).then((r) => {
    if (!r.ok) throw new Error(`could not load the sandbox frame (${r.status})`);
    return r.text();
  });
  frameHtml.catch(() => (frameHtml = undefined));
  return frameHtml;
}

export async function createSandboxFrame(title: string): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  // allow-scripts only: no allow-same-origin, so the frame's origin is opaque.
  frame.setAttribute('sandbox', 'allow-scripts');
  // Where the isolation headers come from a service worker (GitHub Pages),
  // the frame's own response lacks COEP; a credentialless frame may still
  // load under COEP (Chromium). It has no cookies to lose: its origin is opaque.
  frame.setAttribute('credentialless', '');
  frame.setAttribute('title', title);
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  frame.style.cssText = 'position:absolute;width:0;height:0;border:0;visibility:hidden';
  const frameUrl = `${import.meta.env.BASE_URL.replace(/\/?$/, '/')}sandbox/frame.html`;
  // Offline, Chromium sends no sandboxed (opaque-origin) frame's navigation through the service worker,
  // so `src` would fail: the page fetches the document (the worker's precache answers) and hands it over
  // as srcdoc. The frame keeps its own policy and inherits the page's, which allows its script by hash and
  // eval only through Trusted Types (src/lib/hosting/headers.ts, public/sandbox/frame.html).
  if (navigator.onLine === false) frame.srcdoc = await loadFrameHtml(frameUrl);
  else frame.src = frameUrl;
  return frame;
}
