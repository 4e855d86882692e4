// Stands in for a network call: resolves after `ms` milliseconds.
function download(name: string, ms: number): Promise<string> {
  return new Promise((resolve) => {
    setTimeout(() => resolve(`${name}: done`), ms);
  });
}

async function main(): Promise<void> {
  const started = Date.now();
  // Start all three, then wait until every one has finished.
  const results = await Promise.all([
    download('weather', 1000),
    download('news', 1000),
    download('prices', 1000),
  ]);
  console.log(results.join(', '));
  // About 1 s, not 3.
  console.log(`took ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

await main();
