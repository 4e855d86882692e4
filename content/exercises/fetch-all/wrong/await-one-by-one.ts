// expect: fails no-unhandled-rejection "while nobody is awaiting it"
async function fetchText(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${response.status} ${response.statusText}: ${url}`);
  return response.text();
}

// All requests start together, which is right, but they are awaited one by one:
// a later one that fails while an earlier one is still pending has no handler yet.
export async function fetchAll(urls: string[]): Promise<string[]> {
  const pending = urls.map(fetchText);
  const bodies: string[] = [];
  for (const body of pending) bodies.push(await body);
  return bodies;
}
