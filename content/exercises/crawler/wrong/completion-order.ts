// expect: fails report "the order the requests finished"
// Pushes each entry as its page finishes, so the report is in completion order.
import type { Crawled } from '@course/helpers';

export async function crawl(urls: string[], options: { limit: number; timeoutMs: number }): Promise<Crawled[]> {
  const report: Crawled[] = [];
  let next = 0;
  async function worker(): Promise<void> {
    while (next < urls.length) {
      const url = urls[next++];
      try {
        const response = await fetch(url, { signal: AbortSignal.timeout(options.timeoutMs) });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        report.push({ url, ok: true, body: await response.text() });
      } catch (error) {
        report.push({ url, ok: false, reason: (error as Error).message });
      }
    }
  }
  await Promise.all(Array.from({ length: options.limit }, () => worker()));
  return report;
}
