const urls = [
  'https://api.example.com/users/1',
  'https://api.example.com/users/2',
];

async function fetchText(url: string): Promise<string> {
  const response = await fetch(url);
  // fetch resolves on any HTTP status: check it.
  if (!response.ok) {
    throw new Error(`${url}: HTTP ${response.status}`);
  }
  return response.text();
}

const bodies = await Promise.all(urls.map(fetchText));
for (const body of bodies) console.log(body);
