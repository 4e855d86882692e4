// expect: fails report "check response.ok"
// Treats every answer as a page, so a 404's error text is reported as content.
import type { Crawled } from '@course/helpers';

export async function crawl(urls: string[], options: { limit: number; timeoutMs: number }): Promise<Crawled[]> {
  const report: Crawled[] = new Array(urls.length);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < urls.length) {
      const i = next++;
      try {
        const response = await fetch(urls[i], { signal: AbortSignal.timeout(options.timeoutMs) });
        report[i] = { url: urls[i], ok: true, body: await response.text() };
      } catch (error) {
        report[i] = { url: urls[i], ok: false, reason: (error as Error).message };
      }
    }
  }
  await Promise.all(Array.from({ length: options.limit }, () => worker()));
  return report;
}
