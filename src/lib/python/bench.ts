/**
 * Figures for Python in the course, measured (never asserted in a test):
 * what the page would download for Pyodide, and how long Python runs take
 * under CPython (the CLI) and under Pyodide in Node (the page's engine,
 * without the browser). Node only.
 *
 *     node src/lib/python/bench.ts [snippet.py …]
 *
 * `measurePython()` is what `npm run bench` can call.
 */
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { observePythonCPython } from './cpython.ts';
import { PyodideNodeRunner } from './pyodide-node.ts';
import { HARNESS_DIR } from './cpython.ts';
import { HARNESS_FILES } from './observe-core.ts';

const PYODIDE_DIR = fileURLToPath(new URL('../../../node_modules/pyodide/', import.meta.url));
const SNIPPETS = fileURLToPath(new URL('../../../content/snippets/', import.meta.url));
/** What a page must fetch to run Python: the loader, the wasm, the standard library, the package lock, and the harness. */
const PYODIDE_FILES = ['pyodide.mjs', 'pyodide.asm.mjs', 'pyodide.asm.wasm', 'python_stdlib.zip', 'pyodide-lock.json'];

interface PythonFigures {
  download: { files: Array<{ file: string; bytes: number; gzipBytes: number }>; totalBytes: number; totalGzipBytes: number };
  cpython: { snippet: string; checkMs: number[] };
  pyodide: { version: string; loadMs: number; firstRunMs: number; warmRunMs: number[]; warmRunInWorkerMs: number[] };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function measurePython(snippet = 'tasks/gather.py', repeats = 5): Promise<PythonFigures> {
  const files = [
    ...PYODIDE_FILES.map((file) => ({ file, path: join(PYODIDE_DIR, file) })),
    ...HARNESS_FILES.filter((f) => f !== 'main.py').map((file) => ({ file: `harness/${file}`, path: join(HARNESS_DIR, file) })),
  ].map(({ file, path }) => {
    const bytes = statSync(path).size;
    return { file, bytes, gzipBytes: gzipSync(readFileSync(path), { level: 9 }).length };
  });
  const download = {
    files,
    totalBytes: files.reduce((sum, f) => sum + f.bytes, 0),
    totalGzipBytes: files.reduce((sum, f) => sum + f.gzipBytes, 0),
  };

  const source = readFileSync(join(SNIPPETS, snippet), 'utf8');
  const checkMs: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const started = performance.now();
    await observePythonCPython({ source });
    checkMs.push(Math.round(performance.now() - started));
  }

  const runner = new PyodideNodeRunner();
  try {
    const loadStarted = performance.now();
    const { version } = await runner.warm();
    const loadMs = Math.round(performance.now() - loadStarted);
    let started = performance.now();
    await runner.run({ source });
    const firstRunMs = Math.round(performance.now() - started);
    const warmRunMs: number[] = [];
    const warmRunInWorkerMs: number[] = [];
    for (let i = 0; i < repeats; i++) {
      started = performance.now();
      await runner.run({ source });
      warmRunMs.push(Math.round(performance.now() - started));
      warmRunInWorkerMs.push(runner.lastRunMs ?? -1);
    }
    return { download, cpython: { snippet, checkMs }, pyodide: { version, loadMs, firstRunMs, warmRunMs, warmRunInWorkerMs } };
  } finally {
    await runner.close();
  }
}

function formatFigures(f: PythonFigures): string {
  const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
  return [
    'Python: what a page downloads for its first Run (then cached)',
    ...f.download.files.map((x) => `  ${x.file.padEnd(24)} ${kb(x.bytes).padStart(9)}  gzip ${kb(x.gzipBytes).padStart(8)}`),
    `  ${'total'.padEnd(24)} ${kb(f.download.totalBytes).padStart(9)}  gzip ${kb(f.download.totalGzipBytes).padStart(8)}`,
    `CPython Check of ${f.cpython.snippet} (process start to observation): median ${median(f.cpython.checkMs)} ms of [${f.cpython.checkMs.join(', ')}]`,
    `Pyodide ${f.pyodide.version} in Node: load ${f.pyodide.loadMs} ms; first run ${f.pyodide.firstRunMs} ms; warm run median ${median(f.pyodide.warmRunMs)} ms of [${f.pyodide.warmRunMs.join(', ')}] (in the worker: ${median(f.pyodide.warmRunInWorkerMs)} ms)`,
  ].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const snippets = process.argv.slice(2);
  for (const snippet of snippets.length ? snippets : ['tasks/gather.py']) {
    console.log(formatFigures(await measurePython(snippet)));
  }
}
