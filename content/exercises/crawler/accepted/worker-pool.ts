import type { Crawled } from '@course/helpers';

// A pool of `limit` workers; each takes the next index, and catches its own
// page's failure, so the report is complete without allSettled.
export async function crawl(urls: string[], options: { limit: number; timeoutMs: number }): Promise<Crawled[]> {
  const report: Crawled[] = new Array(urls.length);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < urls.length) {
      const i = next++;
      const url = urls[i];
      try {
        const response = await fetch(url, { signal: AbortSignal.timeout(options.timeoutMs) });
        if (!response.ok) throw new Error(`${url} answered ${response.status} ${response.statusText}`);
        report[i] = { url, ok: true, body: await response.text() };
      } catch (error) {
        report[i] = { url, ok: false, reason: (error as Error).message };
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(options.limit, urls.length) }, () => worker()));
  return report;
}
