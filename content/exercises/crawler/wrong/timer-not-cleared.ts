// expect: fails nothing-floating "still running"
// Aborts slow requests at the timeout, but never clears the timers of the fast ones.
import type { Crawled } from '@course/helpers';

export async function crawl(urls: string[], options: { limit: number; timeoutMs: number }): Promise<Crawled[]> {
  const report: Crawled[] = new Array(urls.length);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < urls.length) {
      const i = next++;
      const controller = new AbortController();
      setTimeout(() => controller.abort(new Error('timed out')), options.timeoutMs);
      try {
        const response = await fetch(urls[i], { signal: controller.signal });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        report[i] = { url: urls[i], ok: true, body: await response.text() };
      } catch (error) {
        report[i] = { url: urls[i], ok: false, reason: (error as Error).message };
      }
    }
  }
  await Promise.all(Array.from({ length: options.limit }, () => worker()));
  return report;
}
