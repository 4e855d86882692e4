#!/usr/bin/env node
/**
 * `npm test`: every check, in order, stopping at the first failure.
 *   1. astro check   types of .astro, .ts and content (zero errors)
 *   2. vitest run    unit tests, in Node
 *   3. browser tests ensure a Chromium, then Playwright against
 *                    `astro build` + `astro preview` (see playwright.config.ts)
 * Runs under the Node 22 that `npm test` puts first on PATH.
 */
import { spawnSync } from 'node:child_process';

const steps = [
  ['Type check (astro check)', 'npm', ['run', '--silent', 'typecheck']],
  ['Unit tests (vitest)', 'npm', ['run', '--silent', 'test:unit']],
  ['Browser tests (playwright)', 'npm', ['run', '--silent', 'test:e2e']],
];

const started = Date.now();
for (const [name, cmd, args] of steps) {
  const t0 = Date.now();
  console.log(`\n▶ ${name}`);
  const { status, signal } = spawnSync(cmd, args, { stdio: 'inherit' });
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  if (status !== 0) {
    console.error(`\n✖ ${name} failed (${signal ?? `exit ${status}`}) after ${secs} s`);
    process.exit(status || 1);
  }
  console.log(`✔ ${name} (${secs} s)`);
}
console.log(`\nAll checks passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
