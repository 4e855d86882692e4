const urls = ['oslo', 'atlantis', 'cairo'].map(
  (city) => `https://weather.example/today/${city}`,
);

async function fetchText(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${response.status}: ${new URL(url).pathname}`);
  return response.text();
}

try {
  await Promise.all(urls.map(fetchText));
} catch (error) {
  console.log((error as Error).message);
}
