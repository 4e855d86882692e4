const urls = ['oslo', 'lima', 'cairo'].map(
  (city) => `https://weather.example/today/${city}`,
);

async function fetchText(url: string): Promise<string> {
  const response = await fetch(url);
  console.log(`arrived: ${url.split('/').pop()}`);
  return response.text();
}

const reports = await Promise.all(urls.map(fetchText));
console.log(`first report: ${reports[0]}`);
