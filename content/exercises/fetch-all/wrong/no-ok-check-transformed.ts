// expect: fails http-error "one for each URL"
// No `response.ok` test and no catch anywhere: the error page's body is passed on, transformed, as if it were data.
export async function fetchAll(urls: string[]): Promise<string[]> {
  const responses = await Promise.all(urls.map((url) => fetch(url)));
  const bodies = await Promise.all(responses.map((response) => response.text()));
  return bodies.map((body) => body.toUpperCase());
}
