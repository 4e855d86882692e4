// expect: fails report "Promise.allSettled"
// A pool with a timeout, but Promise.all: the first failed page rejects the whole crawl.
import type { Crawled } from '@course/helpers';

export async function crawl(urls: string[], options: { limit: number; timeoutMs: number }): Promise<Crawled[]> {
  const report: Crawled[] = new Array(urls.length);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < urls.length) {
      const i = next++;
      const response = await fetch(urls[i], { signal: AbortSignal.timeout(options.timeoutMs) });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      report[i] = { url: urls[i], ok: true, body: await response.text() };
    }
  }
  await Promise.all(Array.from({ length: options.limit }, () => worker()));
  return report;
}
