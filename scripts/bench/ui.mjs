#!/usr/bin/env node
/**
 * The exercise island, measured as a learner meets it (report only; no test
 * asserts a timing). Needs a build: `npm run build && node scripts/bench/ui.mjs`.
 *
 *   - what a lesson page loads at 375 px before any interaction (gzip);
 *   - the editor island: gzip of the JS chunks it loads when it comes into
 *     view, then the sandbox worker (fetched on first focus or Run) and a
 *     check spec (fetched on the first Check);
 *   - per exercise, in a fresh tab: click Run → first output line (cold: the
 *     sandbox starts on that click), again (warm), and click Check → verdict
 *     (warm), timed inside the page.
 *
 * Starts `astro preview` on port 4410 (or uses BENCH_URL), writes
 * bench-results/ui.json and prints a table.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { findChromium } from '../ensure-chromium.mjs';

const root = new URL('../../', import.meta.url);
const gz = (buf) => gzipSync(buf, { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

let server;
let base = process.env.BENCH_URL;
if (!base) {
  base = 'http://127.0.0.1:4410/';
  server = spawn('npm', ['run', '--silent', 'preview', '--', '--host', '127.0.0.1', '--port', '4410'], { cwd: root, stdio: 'ignore', detached: true });
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(base)).ok) break;
    } catch {}
    if (i > 100) throw new Error('preview server did not start');
    await new Promise((r) => setTimeout(r, 200));
  }
}

const browser = await chromium.launch({ executablePath: await findChromium(), args: ['--no-sandbox', '--disable-gpu'] });

/** Every response a page gets while `act` runs, with its gzip size. */
async function record(page, act) {
  const seen = [];
  const onResponse = async (res) => {
    const type = res.request().resourceType();
    if (!['document', 'script', 'stylesheet', 'fetch'].includes(type) || res.status() !== 200 || !res.url().startsWith('http')) return;
    try {
      seen.push({ type, path: new URL(res.url()).pathname, gzip: gz(await res.body()) });
    } catch {}
  };
  page.on('response', onResponse);
  await act();
  await page.waitForLoadState('networkidle');
  page.off('response', onResponse);
  return seen;
}

const sum = (rows) => rows.reduce((n, r) => n + r.gzip, 0);
const report = { when: new Date().toISOString() };

// 1. A lesson with sandboxes and an exercise, at 375 px, before interaction.
{
  const context = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const rows = await record(page, () => page.goto(new URL('lessons/coroutines/', base).href));
  report.lessonFirstLoad = { total: sum(rows), js: sum(rows.filter((r) => r.type === 'script')), rows };
  await context.close();
}

// 2. The island's chunks, the sandbox worker and a check spec.
{
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const first = await record(page, () => page.goto(new URL('exercises/first-coroutine/', base).href));
  await page.getByRole('textbox', { name: 'Code editor' }).waitFor();
  const pageScripts = new Set((await page.evaluate(() => [...document.scripts].map((s) => s.src && new URL(s.src).pathname))).filter(Boolean));
  const island = first.filter((r) => r.type === 'script' && !pageScripts.has(r.path));
  const loader = first.filter((r) => r.type === 'script' && pageScripts.has(r.path));
  const onRun = await record(page, async () => {
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.getByRole('button', { name: 'Run', exact: true }).waitFor();
  });
  const onCheck = await record(page, async () => {
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await page.getByText(/checks? failed|All checks passed/).first().waitFor();
  });
  report.island = {
    loader: { gzip: sum(loader), rows: loader },
    editorIsland: { gzip: sum(island), rows: island },
    onFirstRun: { gzip: sum(onRun), rows: onRun },
    onFirstCheck: { gzip: sum(onCheck), rows: onCheck },
  };
  await context.close();
}

// 3. Timings, each in fresh tabs.
const idle = (page) => page.waitForFunction(() => document.querySelector('[data-output]')?.getAttribute('aria-busy') === 'false');
const VERDICT = `document.querySelector('[data-output]').getAttribute('aria-busy') === 'false' && /All checks passed|checks? failed/.test(document.querySelector('[data-results]').textContent)`;
async function timeClick(page, button, ready) {
  return page.evaluate(
    async ({ button, ready }) => {
      const target = [...document.querySelectorAll('button[data-action]')].find((b) => b.textContent.trim() === button);
      const done = new Function(`return (${ready})`);
      const start = performance.now();
      target.click();
      while (!done()) await new Promise((r) => requestAnimationFrame(r));
      return Math.round(performance.now() - start);
    },
    { button, ready },
  );
}

// Run → first output, where the code prints at once (so it times the runtime, not the program):
// first-coroutine's starter prints "Starting" straight away, and so does the lesson's eager-start sandbox.
report.run = [];
for (const [where, path, scope] of [
  ['exercise first-coroutine', 'exercises/first-coroutine/', 'main'],
  ['sandbox coroutines/eager-start.ts', 'lessons/coroutines/', '[data-sandbox="coroutines/eager-start.ts"]'],
]) {
  const times = { where, cold: [], warm: [] };
  for (let tab = 0; tab < 3; tab++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(new URL(path, base).href);
    const panel = page.locator(scope).first();
    await panel.scrollIntoViewIfNeeded();
    await panel.getByRole('textbox', { name: 'Code editor' }).waitFor();
    const FIRST = `document.querySelector('${scope.replaceAll("'", "\\'")} [data-output] .wb-line') !== null`;
    const IDLE = `document.querySelector('${scope.replaceAll("'", "\\'")} [data-output]').getAttribute('aria-busy') === 'false'`;
    const click = (ready) =>
      page.evaluate(
        async ({ scope, ready }) => {
          const target = document.querySelector(`${scope} button[data-action="run"]`);
          const done = new Function(`return (${ready})`);
          const start = performance.now();
          target.click();
          while (!done()) await new Promise((r) => requestAnimationFrame(r));
          return Math.round(performance.now() - start);
        },
        { scope, ready },
      );
    times.cold.push(await click(FIRST));
    for (let i = 0; i < 3; i++) {
      await page.waitForFunction(IDLE);
      await page.waitForTimeout(300);
      times.warm.push(await click(FIRST));
    }
    await page.waitForFunction(IDLE);
    await context.close();
  }
  report.run.push(times);
}

const exercises = readdirSync(new URL('content/exercises/', root), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
report.check = [];
for (const id of exercises) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const res = await page.goto(new URL(`exercises/${id}/`, base).href);
  if (!res?.ok()) {
    await context.close();
    continue;
  }
  await page.getByRole('textbox', { name: 'Code editor' }).waitFor();
  // A first Check warms the sandbox and fetches the spec; the next ones are timed.
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  await idle(page);
  const warm = [];
  for (let i = 0; i < 3; i++) {
    await page.waitForTimeout(300);
    await page.evaluate(() => document.querySelector('[data-results]').replaceChildren());
    warm.push(await timeClick(page, 'Check', VERDICT));
  }
  report.check.push({ exercise: id, checkWarmMs: warm });
  await context.close();
}

await browser.close();
if (server) process.kill(-server.pid);

mkdirSync(new URL('bench-results/', root), { recursive: true });
writeFileSync(new URL('bench-results/ui.json', root), `${JSON.stringify(report, null, 2)}\n`);

const l = report.lessonFirstLoad;
console.log(`lesson /lessons/coroutines/ at 375 px, first load: ${kb(l.total)} gzip in all, ${kb(l.js)} of JS`);
const i = report.island;
console.log(`loader (on every page with a panel):      ${kb(i.loader.gzip)}`);
console.log(`editor island (when in view):             ${kb(i.editorIsland.gzip)}  ${i.editorIsland.rows.map((r) => r.path.split('/').pop()).join(', ')}`);
console.log(`sandbox (first focus or Run):             ${kb(i.onFirstRun.gzip)}  ${i.onFirstRun.rows.map((r) => r.path.split('/').pop()).join(', ')}`);
console.log(`check spec + judge (first Check):         ${kb(i.onFirstCheck.gzip)}  ${i.onFirstCheck.rows.map((r) => r.path.split('/').pop()).join(', ')}`);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log('\nclick Run → first output line (median of runs; cold = first Run in a fresh tab)');
for (const t of report.run) console.log(`  ${t.where.padEnd(36)} cold ${median(t.cold)} ms (${t.cold.join(', ')})   warm ${median(t.warm)} ms (${t.warm.join(', ')})`);
console.log('\nclick Check → verdict, warm (median of 3)');
for (const t of report.check) console.log(`  ${t.exercise.padEnd(24)} ${String(median(t.checkWarmMs)).padStart(5)} ms   (${t.checkWarmMs.join(', ')})`);
