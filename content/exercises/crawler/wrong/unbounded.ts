// expect: fails within-limit "unbounded"
// Reports everything correctly, but starts every request at once.
import type { Crawled } from '@course/helpers';

export async function crawl(urls: string[], options: { limit: number; timeoutMs: number }): Promise<Crawled[]> {
  const settled = await Promise.allSettled(
    urls.map(async (url) => {
      const response = await fetch(url, { signal: AbortSignal.timeout(options.timeoutMs) });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return response.text();
    }),
  );
  return settled.map((o, i) => (o.status === 'fulfilled' ? { url: urls[i], ok: true, body: o.value } : { url: urls[i], ok: false, reason: String((o.reason as Error).message) }));
}
