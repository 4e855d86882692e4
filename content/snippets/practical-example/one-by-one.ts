const urls = [
  'https://weather.example/today/oslo',
  'https://weather.example/today/lima',
  'https://weather.example/today/cairo',
];

const started = Date.now();
const reports: string[] = [];
for (const url of urls) {
  const response = await fetch(url); // the next request waits for this one
  reports.push(await response.text());
}
for (const report of reports) console.log(report);
console.log(`${reports.length} reports in ${((Date.now() - started) / 1000).toFixed(1)} s`);
