import type { Crawled } from '@course/helpers';

// Its own AbortController and timer per request, cleared whoever wins.
async function load(url: string, timeoutMs: number): Promise<string> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
  try {
    const response = await fetch(url, { signal: controller.signal });
    if (!response.ok) throw new Error(`status ${response.status}`);
    return await response.text();
  } finally {
    clearTimeout(timer);
  }
}

export async function crawl(urls: string[], options: { limit: number; timeoutMs: number }): Promise<Crawled[]> {
  const results: Array<PromiseSettledResult<string>> = new Array(urls.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(options.limit, urls.length) }, async () => {
    while (next < urls.length) {
      const i = next++;
      [results[i]] = await Promise.allSettled([load(urls[i], options.timeoutMs)]);
    }
  });
  await Promise.all(workers);
  return results.map((r, i) =>
    r.status === 'fulfilled' ? { url: urls[i], ok: true, body: r.value } : { url: urls[i], ok: false, reason: String((r.reason as Error).message) },
  );
}
