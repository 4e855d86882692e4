// expect: fails pool "Fixed batches"
// Batches of `limit`: each batch waits for its slowest page, a timed-out one included.
import type { Crawled } from '@course/helpers';

async function load(url: string, timeoutMs: number): Promise<Crawled> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return { url, ok: true, body: await response.text() };
  } catch (error) {
    return { url, ok: false, reason: (error as Error).message };
  }
}

export async function crawl(urls: string[], options: { limit: number; timeoutMs: number }): Promise<Crawled[]> {
  const report: Crawled[] = [];
  for (let i = 0; i < urls.length; i += options.limit) {
    report.push(...(await Promise.all(urls.slice(i, i + options.limit).map((url) => load(url, options.timeoutMs)))));
  }
  return report;
}
