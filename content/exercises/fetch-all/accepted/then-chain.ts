// No async/await: each URL gets a promise chain, and Promise.all gathers them.
export function fetchAll(urls: string[]): Promise<string[]> {
  return Promise.all(
    urls.map((url) =>
      fetch(url).then((response) => {
        if (!response.ok) throw new Error(`${url} answered ${response.status} ${response.statusText}`);
        return response.text();
      }),
    ),
  );
}
