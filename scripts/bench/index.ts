/**
 * `npm run bench`: builds and serves the site, then measures it against the
 * budgets in design.md and prints a table; the same figures go to
 * bench-results/bench.json. Byte budgets are deterministic (a test enforces
 * them, test/byte-budgets); times are reported only.
 *
 *   npm run bench [-- --no-build] [--skip-lighthouse] [--skip-runtime] [--skip-python]
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, lighthouseScores, pageWeight, type LighthouseScores, type PageWeight } from './site.ts';
import { runtimeTimes, type RuntimeTimes } from './runtime.ts';
import { benchFixtures, type FixtureBench } from './fixtures.ts';
import { typesBench, typesReport, type TypesBench } from './types.ts';
import { verdictsUnderLoad, type LoadBench } from './under-load.ts';
import { islandSizes } from './island.ts';
import { longTasksBench, longTasksReport, type LongTaskBench } from './long-tasks.ts';
import { pythonBench, pythonReport, type PythonBench } from './python.ts';
import { offlineBench, type OfflineBench } from './offline.ts';
import { exerciseIds } from '../../src/lib/node/exercises.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const args = new Set(process.argv.slice(2));
const PORT = 4477;
const baseURL = `http://127.0.0.1:${PORT}/`;
const KB = 1024;

export const BUDGETS = {
  pageTotal: 54 * KB,
  pageJs: 30 * KB,
  editorIsland: 170 * KB,
  lighthouse: { performance: 98, accessibility: 100, bestPractices: 100 },
  runColdMs: 500,
  runWarmMs: 100,
  checkWarmMs: 300,
  fixturesMs: 10_000,
  longTaskMs: 100,
};

function step(name: string) {
  process.stderr.write(`\n▶ ${name}\n`);
}

if (!args.has('--no-build')) {
  step('Building the site');
  const built = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

step(`Serving dist/ on ${baseURL}`);
const server = spawn('npx', ['astro', 'preview', '--host', '127.0.0.1', '--port', String(PORT)], { cwd: root, stdio: 'ignore', detached: true });
const stopServer = () => {
  try {
    process.kill(-server.pid!);
  } catch {
    // already gone
  }
};
process.on('exit', stopServer);
for (let i = 0; ; i++) {
  try {
    if ((await fetch(baseURL)).ok) break;
  } catch {
    // not up yet
  }
  if (i > 100) throw new Error('the preview server did not start');
  await new Promise((r) => setTimeout(r, 200));
}

const pages = ['', ...readdirSync(join(root, 'dist/lessons')).sort().map((slug) => `lessons/${slug}/`)];
const { browser, executablePath } = await launch();

step('Offline service worker: precache size');
const offline: OfflineBench = offlineBench(join(root, 'dist'));

step('Page weight at 375 px, before any interaction');
const weights: PageWeight[] = [];
for (const path of pages) weights.push(await pageWeight(browser, baseURL, path || '/'));

step('Editor island and sandbox worker sizes');
const islands = await islandSizes(browser, baseURL, root);

step('Type checker in the editor: download, first diagnostics, keystroke to diagnostics');
const types: TypesBench = await typesBench(browser, baseURL);

let lighthouse: LighthouseScores[] = [];
if (!args.has('--skip-lighthouse')) {
  step('Lighthouse, mobile preset');
  const lessonPages = pages.filter((p) => p.startsWith('lessons/'));
  const chosen = ['/', lessonPages[0], lessonPages.find((p) => p.includes('coroutines')) ?? lessonPages[1]].filter(Boolean) as string[];
  for (const path of chosen) lighthouse.push(await lighthouseScores(executablePath, baseURL, path));
}

let runtime: RuntimeTimes[] = [];
let longTasks: LongTaskBench | undefined;
if (!args.has('--skip-runtime')) {
  step('Browser runtime: Run and Check on every exercise page');
  for (const id of exerciseIds()) runtime.push(await runtimeTimes(browser, baseURL, id));
  step('Main thread during bad input: the longest task per case');
  longTasks = await longTasksBench(browser, baseURL);
}
let python: PythonBench | undefined;
if (!args.has('--skip-python')) {
  step('Python in the page: Pyodide download, Run Python cold and warm, Python Check warm');
  python = await pythonBench(browser, baseURL, root);
}
await browser.close();
stopServer();

step('CLI: every exercise fixture');
const fixtures: FixtureBench = await benchFixtures();

step('CLI: every fixture again while every core is kept busy (verdicts under load)');
const underLoad: LoadBench = await verdictsUnderLoad();

const results = { measuredAt: new Date().toISOString(), budgets: BUDGETS, weights, offline, islands, types, lighthouse, runtime, longTasks, python, fixtures, underLoad };
mkdirSync(join(root, 'bench-results'), { recursive: true });
writeFileSync(join(root, 'bench-results/bench.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log(report(results));
process.exit(0);

function report(r: typeof results): string {
  const kb = (n: number) => `${(n / KB).toFixed(1)} KB`;
  const mark = (ok: boolean) => (ok ? 'ok  ' : 'OVER');
  const lines: string[] = [];
  lines.push('', 'Page weight, first load at 375 px (gzip)        total      budget   JS        budget');
  for (const w of r.weights) {
    lines.push(`  ${(w.path === '/' ? '/ (home)' : `/${w.path}`).padEnd(44)} ${kb(w.totalBytes).padStart(9)} ${mark(w.totalBytes <= BUDGETS.pageTotal)} ${kb(BUDGETS.pageTotal).padStart(7)}  ${kb(w.jsBytes).padStart(8)} ${mark(w.jsBytes <= BUDGETS.pageJs)} ${kb(BUDGETS.pageJs)}`);
  }
  const o = r.offline;
  lines.push(
    '',
    o.enabled
      ? `Offline service worker: precache ${o.precacheFiles} files, ${kb(o.precacheBytes)} (${kb(o.precacheGzipBytes)} gzip), fetched after load on a first visit; sw.js ${kb(o.workerGzipBytes)} gzip; registration ${o.registrationGzipBytes} B gzip per page (in the JS above)`
      : 'Offline service worker: off in this build',
  );
  lines.push('', 'Islands (gzip)');
  lines.push(`  editor island (${r.islands.editorIslandFiles.length} files, exercise page)${' '.repeat(8)} ${kb(r.islands.editorIslandBytes).padStart(9)} ${mark(r.islands.editorIslandBytes <= BUDGETS.editorIsland)} ${kb(BUDGETS.editorIsland)}`);
  lines.push(`  sandbox worker (harness + transpiler)${' '.repeat(8)} ${kb(r.islands.sandboxWorkerBytes).padStart(9)}      (loaded on first Run or editor focus)`);
  lines.push(...typesReport(r.types));
  if (r.lighthouse.length) {
    lines.push('', 'Lighthouse, mobile          perf  a11y  best   LCP      TBT    CLS    (budget 98 / 100 / 100)');
    for (const l of r.lighthouse) {
      lines.push(`  ${l.path.padEnd(24)} ${String(l.performance).padStart(4)}  ${String(l.accessibility).padStart(4)}  ${String(l.bestPractices).padStart(4)}  ${String(l.lcpMs).padStart(5)} ms ${String(l.tbtMs).padStart(4)} ms  ${l.cls}`);
    }
  }
  if (r.runtime.length) {
    lines.push('', 'Browser runtime (ms)        Run cold  Run warm  Check warm  with Types   (budgets 500 / 100 / 300)');
    for (const t of r.runtime) lines.push(`  ${t.exercise.padEnd(24)} ${String(t.runColdMs).padStart(8)}  ${String(t.runWarmMs).padStart(8)}  ${String(t.checkWarmMs).padStart(10)}  ${String(t.checkTypedMs).padStart(10)}`);
  }
  if (r.longTasks) lines.push(...longTasksReport(r.longTasks, BUDGETS.longTaskMs));
  if (r.python) lines.push(...pythonReport(r.python));
  const f = r.fixtures;
  lines.push('', `CLI: ${f.fixtures} fixtures of ${f.exercises} exercises checked in ${f.totalMs} ms (budget ${BUDGETS.fixturesMs} ms); slowest ${f.slowest.exercise}/${f.slowest.fixture} ${f.slowest.ms} ms`);
  if (f.mismatches.length) lines.push(`  MISMATCHES: ${f.mismatches.join(', ')}`);
  const u = r.underLoad;
  lines.push(`Verdicts under load: ${u.fixtures - u.differences.length} of ${u.fixtures} fixtures the same with ${u.busyProcesses} busy processes as quiet (quiet ${u.quietMs} ms, loaded ${u.loadedMs} ms)`);
  if (u.differences.length) lines.push(`  DIFFERENT UNDER LOAD: ${u.differences.join(', ')}`);
  lines.push('', 'Written to bench-results/bench.json', '');
  return lines.join('\n');
}
