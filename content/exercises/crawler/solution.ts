import type { Crawled } from '@course/helpers';

/** Loads one page; the signal aborts the request itself at the timeout. */
async function load(url: string, timeoutMs: number): Promise<string> {
  const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  // fetch resolves for HTTP errors too: a failure status is our failure.
  if (!response.ok) throw new Error(`HTTP ${response.status} for ${url}`);
  return response.text();
}

/** A semaphore: at most `slots` callers between acquire and release. */
function semaphore(slots: number) {
  const waiting: Array<() => void> = [];
  return {
    async acquire(): Promise<void> {
      if (slots > 0) {
        slots--;
        return;
      }
      await new Promise<void>((resolve) => waiting.push(resolve));
    },
    release(): void {
      const next = waiting.shift();
      if (next) next(); // hand the slot straight on
      else slots++;
    },
  };
}

export async function crawl(urls: string[], options: { limit: number; timeoutMs: number }): Promise<Crawled[]> {
  const gate = semaphore(options.limit);
  const settled = await Promise.allSettled(
    urls.map(async (url) => {
      await gate.acquire();
      try {
        return await load(url, options.timeoutMs);
      } finally {
        gate.release();
      }
    }),
  );
  // allSettled keeps the order of urls, whatever order the pages finished in.
  return settled.map((outcome, i): Crawled =>
    outcome.status === 'fulfilled'
      ? { url: urls[i], ok: true, body: outcome.value }
      : { url: urls[i], ok: false, reason: outcome.reason instanceof Error ? outcome.reason.message : String(outcome.reason) },
  );
}
