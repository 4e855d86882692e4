const urls = ['oslo', 'atlantis', 'cairo'].map(
  (city) => `https://weather.example/today/${city}`,
);

async function fetchText(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) {
    // Say which request failed and how: the status alone is no help in a log.
    throw new Error(`${response.status} ${response.statusText}: ${url}`);
  }
  return response.text();
}

try {
  const reports = await Promise.all(urls.map(fetchText));
  for (const report of reports) console.log(report);
} catch (error) {
  console.log(`no weather today: ${(error as Error).message}`);
}
