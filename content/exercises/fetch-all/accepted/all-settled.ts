// Waits for every request to settle (like gather(return_exceptions=True)),
// then reports the first failure in input order.
export async function fetchAll(urls: string[]): Promise<string[]> {
  const outcomes = await Promise.allSettled(
    urls.map(async (url) => {
      const response = await fetch(url);
      if (response.status >= 400) throw new Error(`HTTP ${response.status} from ${url}`);
      return response.text();
    }),
  );
  const failure = outcomes.find((o) => o.status === 'rejected');
  if (failure) throw failure.reason;
  return outcomes.map((o) => (o.status === 'fulfilled' ? o.value : ''));
}
