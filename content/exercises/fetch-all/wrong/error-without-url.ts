// expect: fails http-error "doesn't name the URL"
export async function fetchAll(urls: string[]): Promise<string[]> {
  return Promise.all(
    urls.map(async (url) => {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`request failed with status ${response.status}`);
      return response.text();
    }),
  );
}
