// fetch answers from a simulated weather service: nothing leaves your browser.
async function sky(path: string, signal: AbortSignal): Promise<string> {
  const response = await fetch(`https://weather.example/${path}`, { signal });
  const { sky } = (await response.json()) as { sky: string };
  return sky;
}

// A Cancel button would call cancel.abort().
const cancel = new AbortController();

for (const path of ['today', 'forecast']) {
  // Whichever comes first: the user cancels, or 1 s passes.
  const signal = AbortSignal.any([cancel.signal, AbortSignal.timeout(1000)]);
  try {
    console.log(`${path}: ${await sky(path, signal)}`);
  } catch (err) {
    console.log(`${path}: ${(err as Error).name}`);
  }
}
