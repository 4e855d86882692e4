// expect: fails elapsed "are you awaiting fetch inside the loop?"
export async function fetchAll(urls: string[]): Promise<string[]> {
  const bodies: string[] = [];
  for (const url of urls) {
    const response = await fetch(url); // the next request waits for this one
    if (!response.ok) throw new Error(`${response.status} ${response.statusText}: ${url}`);
    bodies.push(await response.text());
  }
  return bodies;
}
