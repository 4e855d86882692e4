// The same page, its panels fetched from a simulated shop.
const panels = ['profile', 'orders', 'suggestions'];
const deadline = AbortSignal.timeout(1000); // fetch listens to it

async function loadPanel(name: string): Promise<string> {
  const url = `https://shop.example/panels/${name}`;
  const response = await fetch(url, { signal: deadline });
  if (!response.ok) throw new Error(`${response.status} ${response.statusText}: ${url}`);
  return response.text();
}

const started = Date.now();
const results = await Promise.allSettled(panels.map(loadPanel));

results.forEach((result, i) => {
  if (result.status === 'fulfilled') {
    console.log(`${panels[i]}: ${result.value}`);
  } else {
    const e = result.reason as Error;
    const why = e.name === 'TimeoutError' ? 'too slow' : e.message;
    console.log(`${panels[i]}: skipped (${why})`);
  }
});
console.log(`page ready after ${Date.now() - started} ms`);
