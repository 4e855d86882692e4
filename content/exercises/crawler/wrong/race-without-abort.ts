// expect: fails cancels-slow "pass fetch a signal"
// Gives up waiting at the timeout, but the slow request itself runs on.
import type { Crawled } from '@course/helpers';

export async function crawl(urls: string[], options: { limit: number; timeoutMs: number }): Promise<Crawled[]> {
  const report: Crawled[] = new Array(urls.length);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < urls.length) {
      const i = next++;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const late = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('timed out')), options.timeoutMs);
      });
      try {
        const response = await Promise.race([fetch(urls[i]), late]);
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        report[i] = { url: urls[i], ok: true, body: await response.text() };
      } catch (error) {
        report[i] = { url: urls[i], ok: false, reason: (error as Error).message };
      } finally {
        clearTimeout(timer);
      }
    }
  }
  await Promise.all(Array.from({ length: options.limit }, () => worker()));
  return report;
}
