const urls = ['oslo', 'lima', 'cairo'].map(
  (city) => `https://weather.example/today/${city}`,
);

async function fetchText(url: string) {
  const response = await fetch(url);
  if (!response.ok) {
    const { status, statusText } = response;
    throw new Error(`${status} ${statusText}: ${url}`);
  }
  return response.text();
}

const started = Date.now();
// One call per URL, each sending its request
// at once: one task per URL.
const reports = await Promise.all(urls.map(fetchText));
for (const report of reports) console.log(report);
const took = (Date.now() - started) / 1000;
console.log(`${reports.length} reports in ${took.toFixed(1)} s`);
