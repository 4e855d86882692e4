// expect: fails nothing-floating "forEach"
export async function fetchAll(urls: string[]): Promise<string[]> {
  const bodies: string[] = [];
  // forEach starts every request but doesn't wait for the async callbacks.
  urls.forEach(async (url, i) => {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${response.status} ${response.statusText}: ${url}`);
    bodies[i] = await response.text();
  });
  return bodies;
}
