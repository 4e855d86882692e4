// expect: fails http-error "fetch resolves even for HTTP errors"
export async function fetchAll(urls: string[]): Promise<string[]> {
  const responses = await Promise.all(urls.map((url) => fetch(url)));
  return Promise.all(responses.map((response) => response.text()));
}
