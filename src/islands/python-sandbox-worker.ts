/**
 * The Python worker, started by the sandbox frame (public/sandbox/frame.html)
 * as a classic worker from a blob: URL, so it has the frame's opaque origin
 * and its policy: no network at all. The page fetched Pyodide's files from
 * the site and handed them over as bytes; this worker serves Pyodide's own
 * requests for them from memory, loads it once, installs the course's
 * harness, and then runs one request at a time for as long as it lives (the
 * frame replaces it when a run goes past its budget).
 *
 * What crosses back: `ready` / `failed` once, then per run each printed
 * `line` and a `done` with the observation as plain data, which the page
 * checks against its schema before anything uses it. No JavaScript object
 * is ever handed to Python (pyodide-host.ts).
 */
import courseHarness from '../lib/python/harness/course_harness.py?raw';
import courseModule from '../lib/python/harness/course.py?raw';
import guardModule from '../lib/python/harness/guard.py?raw';
import harnessMain from '../lib/python/harness/main.py?raw';
import { installHarness } from '../lib/python/pyodide-host.ts';
import type { PyodideFile } from '../lib/python/pyodide-files.ts';
import type { PythonRequest } from '../lib/python/schema.ts';
import type { LogLine } from '../lib/harness/observation.ts';

export type FromPythonWorker =
  | { type: 'ready'; loadMs: number; version: string }
  | { type: 'failed'; message: string }
  | { type: 'line'; id: number; line: LogLine }
  | { type: 'done'; id: number; observation: unknown; runMs: number };
export type ToPythonWorker = { type: 'run'; id: number; request: PythonRequest };

/** A made-up origin for Pyodide's file requests: they are answered from memory, never sent. */
const INDEX_URL = 'https://pyodide.invalid/';

interface LoadMessage {
  files: Record<PyodideFile, ArrayBuffer>;
  port: MessagePort;
}

type LoadPyodide = (config: Record<string, unknown>) => Promise<{
  version: string;
  FS: { mkdirTree(path: string): void; writeFile(path: string, data: string): void };
  runPython(code: string): unknown;
  pyimport(name: string): unknown;
  setStdout(options: { batched: (text: string) => void }): void;
}>;

const contentType = (name: string) => (name.endsWith('.wasm') ? 'application/wasm' : name.endsWith('.json') ? 'application/json' : 'application/octet-stream');

async function load({ files, port }: LoadMessage): Promise<void> {
  const post = (message: FromPythonWorker) => port.postMessage(message);
  try {
    const started = performance.now();
    // Pyodide fetches its wasm and standard library by URL; the frame's policy
    // would refuse any fetch, so answer those from the bytes we were given.
    const realFetch = globalThis.fetch;
    globalThis.fetch = (async (input: RequestInfo | URL) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      const name = url.slice(url.lastIndexOf('/') + 1) as PyodideFile;
      const bytes = url.startsWith(INDEX_URL) ? files[name] : undefined;
      if (!bytes) return new Response(null, { status: 404, statusText: 'not part of Pyodide' });
      return new Response(bytes, { headers: { 'Content-Type': contentType(name) } });
    }) as typeof fetch;
    const moduleUrl = (name: PyodideFile) => URL.createObjectURL(new Blob([files[name]], { type: 'text/javascript' }));
    const { loadPyodide } = (await import(/* @vite-ignore */ moduleUrl('pyodide.mjs'))) as { loadPyodide: LoadPyodide };
    const asm = (await import(/* @vite-ignore */ moduleUrl('pyodide.asm.mjs'))) as { default: unknown };
    const pyodide = await loadPyodide({
      indexURL: INDEX_URL,
      createPyodideModule: asm.default,
      lockFileContents: new TextDecoder().decode(files['pyodide-lock.json']),
      stdLibURL: `${INDEX_URL}python_stdlib.zip`,
      // Learner output never reaches the console: the harness captures it and streams it on stdout (installHarness).
      stdout: () => {},
      stderr: () => {},
    });
    // Nothing is fetched after loading.
    globalThis.fetch = realFetch;
    const harness = installHarness(pyodide, { 'course_harness.py': courseHarness, 'course.py': courseModule, 'guard.py': guardModule, 'main.py': harnessMain });
    post({ type: 'ready', loadMs: Math.round(performance.now() - started), version: pyodide.version });
    port.onmessage = (event: MessageEvent<ToPythonWorker>) => {
      const message = event.data;
      if (message?.type !== 'run') return;
      const runStarted = performance.now();
      const observation = harness.run(message.request, (line) => post({ type: 'line', id: message.id, line }));
      post({ type: 'done', id: message.id, observation, runMs: Math.round(performance.now() - runStarted) });
    };
  } catch (error) {
    post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
}

addEventListener('message', (event: MessageEvent<LoadMessage>) => void load(event.data), { once: true });
