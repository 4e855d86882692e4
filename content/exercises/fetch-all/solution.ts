async function fetchText(url: string): Promise<string> {
  const response = await fetch(url);
  // fetch resolves for 404 and 500 too: only a network failure rejects.
  if (!response.ok) throw new Error(`GET ${url} failed: ${response.status} ${response.statusText}`);
  return response.text();
}

// One request per URL, all in flight at once (asyncio.gather); Promise.all keeps input order.
export async function fetchAll(urls: string[]): Promise<string[]> {
  return Promise.all(urls.map(fetchText));
}
