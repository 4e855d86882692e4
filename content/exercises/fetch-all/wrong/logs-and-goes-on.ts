// expect: fails http-error "You logged it"
export async function fetchAll(urls: string[]): Promise<string[]> {
  return Promise.all(
    urls.map(async (url) => {
      const response = await fetch(url);
      if (!response.ok) {
        console.error(`request failed: ${response.status} ${url}`);
        return '';
      }
      return response.text();
    }),
  );
}
