// Starts each request in a plain loop (no await there), then awaits them all at once.
export async function fetchAll(urls: string[]): Promise<string[]> {
  console.log(`fetching ${urls.length} URLs`);
  const requests: Array<Promise<string>> = [];
  for (const url of urls) {
    requests.push(
      (async () => {
        const response = await fetch(url);
        if (!response.ok) throw new Error(`${response.status} ${response.statusText} (${url})`);
        return await response.text();
      })(),
    );
  }
  const bodies = await Promise.all(requests);
  console.log(`got ${bodies.length} bodies`);
  return bodies;
}
