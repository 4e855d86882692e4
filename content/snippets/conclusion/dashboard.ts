import { sleep } from '@course/helpers';

// A page of three panels, each from its own
// slow service.
async function loadPanel(
  name: string,
  ms: number,
  signal: AbortSignal,
) {
  // Rejects early if the signal aborts:
  await sleep(ms, signal);
  return `${name} (${ms} ms)`;
}

const started = Date.now();
// One deadline for the whole page:
const deadline = AbortSignal.timeout(1000);
const panels = [
  { name: 'profile', ms: 200 },
  { name: 'orders', ms: 600 },
  { name: 'suggestions', ms: 3000 },
];

// Start them all, then wait until each one
// has either succeeded or failed.
const results = await Promise.allSettled(
  panels.map((p) => loadPanel(p.name, p.ms, deadline)),
);

results.forEach((result, i) => {
  const { name } = panels[i]!;
  if (result.status === 'fulfilled') {
    console.log(`shown: ${result.value}`);
  } else {
    // sleep rejects with an AbortError; the deadline's reason says why.
    const why = deadline.aborted ? (deadline.reason as Error).name : String(result.reason);
    console.log(`skipped: ${name} (${why})`);
  }
});
const took = (Date.now() - started) / 1000;
console.log(`page ready after ${took.toFixed(1)} s`);
