// expect: fails in-order "in the order the responses arrived"
export async function fetchAll(urls: string[]): Promise<string[]> {
  const bodies: string[] = [];
  await Promise.all(
    urls.map(async (url) => {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`${response.status} ${response.statusText}: ${url}`);
      bodies.push(await response.text()); // fastest response first
    }),
  );
  return bodies;
}
