/**
 * The WebContainer runner against a FAKE of the @webcontainer/api surface
 * (WebContainer cannot boot on machines without access to StackBlitz).
 * The fake records what was mounted and spawned, and its processes follow
 * a script: print chunks, write the observation file, exit with a code, or
 * hang until killed. What only a real boot can prove is covered by the
 * opt-in browser test (E2E_WEBCONTAINER=1).
 */
import { describe, expect, test } from 'vitest';
import { WebContainerRunner } from '../src/lib/runtime/webcontainer/webcontainer-runner.ts';
import { bootWithTimeout } from '../src/lib/runtime/webcontainer/boot.ts';
import { pickRuntime } from '../src/lib/runtime/runner.ts';
import type { FileTreeLike, ProcessLike, WebContainerLike } from '../src/lib/runtime/webcontainer/api.ts';
import type { Observation } from '../src/lib/harness/observation.ts';
import type { RunRequest } from '../src/lib/runtime/runner.ts';
import { terminalMark } from '../src/lib/runtime/webcontainer/files.ts';

type Script = { chunks?: string[]; observation?: Observation; exitCode?: number; hang?: boolean; neverStarts?: boolean };

class FakeProcess implements ProcessLike {
  killed = false;
  readonly output: ReadableStream<string>;
  readonly input = new WritableStream<string>();
  readonly exit: Promise<number>;
  #exit!: (code: number) => void;
  #controller!: ReadableStreamDefaultController<string>;
  constructor() {
    this.output = new ReadableStream<string>({ start: (c) => void (this.#controller = c) });
    this.exit = new Promise((resolve) => (this.#exit = resolve));
  }
  print(chunk: string) {
    this.#controller.enqueue(chunk);
  }
  finish(code: number) {
    this.#controller.close();
    this.#exit(code);
  }
  kill() {
    this.killed = true;
    this.finish(137);
  }
}

class FakeWebContainer implements WebContainerLike {
  mounts: FileTreeLike[] = [];
  files = new Map<string, string>();
  spawned: Array<{ command: string; args: string[]; process: FakeProcess }> = [];
  scripts: Script[] = [];
  serverReady = new Set<(port: number, url: string) => void>();
  async mount(tree: FileTreeLike) {
    this.mounts.push(tree);
  }
  fs = {
    readFile: async (path: string) => {
      const contents = this.files.get(path);
      if (contents === undefined) throw new Error(`ENOENT: ${path}`);
      return contents;
    },
    writeFile: async (path: string, contents: string) => void this.files.set(path, contents),
    rm: async (path: string) => void this.files.delete(path),
  };
  on(_event: 'server-ready', listener: (port: number, url: string) => void) {
    this.serverReady.add(listener);
    return () => this.serverReady.delete(listener);
  }
  async spawn(command: string, args: string[]) {
    const process = new FakeProcess();
    this.spawned.push({ command, args, process });
    if (args[0] === '.course/server.mjs') {
      queueMicrotask(() => this.serverReady.forEach((l) => l(3111, 'http://localhost:3111')));
      return process;
    }
    const script = this.scripts.shift() ?? {};
    queueMicrotask(() => {
      // As the real harness does right before it calls learner code.
      if (!script.neverStarts) process.print(terminalMark({ type: 'started' }));
      for (const chunk of script.chunks ?? []) process.print(chunk);
      if (script.hang) return;
      if (script.observation) this.files.set('.course/observation.json', JSON.stringify(script.observation));
      process.finish(script.exitCode ?? 0);
    });
    return process;
  }
}

/** Timers under the test's control: the budget fires when the test says. */
function manualTimers() {
  const pending = new Map<number, () => void>();
  let next = 1;
  return {
    set: (fn: () => void) => {
      const id = next++;
      pending.set(id, fn);
      return id;
    },
    clear: (id: unknown) => void pending.delete(id as number),
    fireAll: () => {
      const fns = [...pending.values()];
      pending.clear();
      fns.forEach((fn) => fn());
    },
    get size() {
      return pending.size;
    },
  };
}

const request = (overrides: Partial<RunRequest> = {}): RunRequest => ({
  exercise: 'first-coroutine',
  source: "import { operation } from '@course/helpers';\nexport async function main(): Promise<void> {\n  console.log('Starting');\n  await operation();\n  console.log('Finished');\n}\n",
  mode: 'check',
  seed: 7,
  budgetMs: 5000,
  ...overrides,
});

const observation = (text: string[]): Observation => ({
  exercise: 'first-coroutine',
  mode: 'check',
  seed: 7,
  scenarios: [
    {
      scenario: 'main',
      mode: 'check',
      params: null,
      logs: text.map((t, i) => ({ t: i * 1500, stream: 'log', text: t, phase: 'sync', seq: i + 1 })),
      droppedLines: 0,
      outputTruncated: false,
      spans: [],
      errors: [],
      settled: { state: 'fulfilled', at: 1500, seq: 9, value: null },
      pendingAtSettle: [],
      totalTime: 1500,
      record: {},
    },
  ],
});

describe('WebContainerRunner (against a fake WebContainer)', () => {
  test('mounts the harness, scripts and helpers once, and writes the code before each run', async () => {
    const fake = new FakeWebContainer();
    fake.scripts.push({ observation: observation(['Starting', 'Finished']) }, { observation: observation(['Starting', 'Finished']) });
    const runner = new WebContainerRunner(fake, '/* harness bundle */');
    await runner.run(request());
    await runner.run(request({ source: 'export async function main() {}\n' }));
    expect(fake.mounts).toHaveLength(1);
    const tree = fake.mounts[0] as Record<string, any>;
    expect(Object.keys(tree).sort()).toEqual(['.course', 'check.mjs', 'node_modules', 'package.json', 'run.mjs']);
    expect(tree['.course'].directory['harness.mjs'].file.contents).toBe('/* harness bundle */');
    expect(tree.node_modules.directory['@course'].directory.helpers.directory['index.js'].file.contents).toMatch(/export function sleep/);
    expect(fake.files.get('main.ts')).toBe('export async function main() {}\n');
    // Pre-transpiled, still an ES module, so `node main.js` works in the terminal.
    expect(fake.files.get('main.js')).toMatch(/^export async function main\(\) \{\}/m);
    expect(JSON.parse(fake.files.get('.course/request.json')!)).toMatchObject({ exercise: 'first-coroutine', mode: 'check', seed: 7 });
  });

  test.each([
    ['run', 'run.mjs'],
    ['check', 'check.mjs'],
  ] as const)('%s spawns node %s and returns the Observation the harness wrote', async (mode, script) => {
    const fake = new FakeWebContainer();
    fake.scripts.push({ observation: observation(['Starting', 'Finished']) });
    const result = await new WebContainerRunner(fake, '').run(request({ mode }));
    expect(fake.spawned.map((s) => [s.command, ...s.args])).toEqual([['node', script]]);
    expect(result.scenarios[0].logs.map((l) => l.text)).toEqual(['Starting', 'Finished']);
  });

  test('streams output to the terminal and as lines, even when a line is split across chunks', async () => {
    const fake = new FakeWebContainer();
    fake.scripts.push({ chunks: ['Star', 'ting\nFin', 'ished\n'], observation: observation(['Starting', 'Finished']) });
    const terminal: string[] = [];
    const lines: string[] = [];
    await new WebContainerRunner(fake, '').run(request({ mode: 'run' }), {
      onTerminal: (chunk) => terminal.push(chunk),
      onLogs: (_s, l) => lines.push(...l.map((x) => x.text)),
    });
    expect(lines).toEqual(['Starting', 'Finished']);
    expect(terminal.join('')).toContain('$ node run.mjs');
    expect(terminal.join('')).toContain('Starting\r\nFinished\r\n');
  });

  test('kills a runaway process at the budget, keeps what it printed, and says so in the terminal', async () => {
    const fake = new FakeWebContainer();
    fake.scripts.push({ chunks: ['Starting\n'], hang: true });
    const timers = manualTimers();
    const terminal: string[] = [];
    const running = new WebContainerRunner(fake, '', timers).run(request({ mode: 'run' }), { onTerminal: (c) => terminal.push(c) });
    await new Promise((r) => setTimeout(r, 10));
    expect(fake.spawned[0].process.killed).toBe(false);
    timers.fireAll();
    const result = await running;
    expect(fake.spawned[0].process.killed).toBe(true);
    expect(result.scenarios[0].errors[0]).toMatchObject({ kind: 'budget' });
    expect(result.scenarios[0].errors[0].message).toMatch(/ran for more than 5 s and was stopped/);
    expect(result.scenarios[0].logs.map((l) => l.text)).toEqual(['Starting']);
    expect(terminal.join('')).toMatch(/■ Your code ran for more than 5 s/);
  });

  test('under Check, a run that hits the budget is tried once more with three times the time before it is called a runaway', async () => {
    const fake = new FakeWebContainer();
    fake.scripts.push({ chunks: ['Starting\n'], hang: true }, { chunks: ['Starting\n'], hang: true });
    const timers = manualTimers();
    const terminal: string[] = [];
    const lines: string[] = [];
    const running = new WebContainerRunner(fake, '', timers).run(request({ mode: 'check' }), {
      onTerminal: (c) => terminal.push(c),
      onLogs: (_s, l) => lines.push(...l.map((x) => x.text)),
    });
    await new Promise((r) => setTimeout(r, 10));
    expect(JSON.parse(fake.files.get('.course/request.json')!).deadlineMs).toBe(5000);
    timers.fireAll();
    await new Promise((r) => setTimeout(r, 10));
    expect(fake.spawned.map((s) => s.process.killed)).toEqual([true, false]);
    expect(JSON.parse(fake.files.get('.course/request.json')!).deadlineMs).toBe(15_000);
    timers.fireAll();
    const result = await running;
    expect(fake.spawned[1].process.killed).toBe(true);
    // The message names the learner's budget, not the retry's.
    expect(result.scenarios[0].errors[0].message).toMatch(/ran for more than 5 s and was stopped/);
    // The retry's output is not streamed twice.
    expect(lines).toEqual(['Starting']);
    expect(terminal.join('')).not.toContain('7799');
  });

  test('a process that never reports it started is stopped by the startup limit, not the budget', async () => {
    const fake = new FakeWebContainer();
    fake.scripts.push({ hang: true, neverStarts: true });
    const timers = manualTimers();
    const running = new WebContainerRunner(fake, '', timers).run(request({ mode: 'check' }));
    await new Promise((r) => setTimeout(r, 10));
    timers.fireAll();
    const result = await running;
    expect(fake.spawned).toHaveLength(1);
    expect(result.scenarios[0].errors[0]).toMatchObject({ kind: 'internal' });
    expect(result.scenarios[0].errors[0].message).toMatch(/node took more than 20 s to start/);
  });

  test('a non-zero exit without an observation is reported with its exit code', async () => {
    const fake = new FakeWebContainer();
    fake.scripts.push({ chunks: ['internal/modules/cjs/loader.js:1\nError: boom\n'], exitCode: 1 });
    const result = await new WebContainerRunner(fake, '').run(request());
    expect(result.scenarios[0].errors[0]).toMatchObject({ kind: 'internal' });
    expect(result.scenarios[0].errors[0].message).toMatch(/node exited with code 1/);
  });

  test('a syntax error is reported before anything is spawned', async () => {
    const fake = new FakeWebContainer();
    const result = await new WebContainerRunner(fake, '').run(request({ source: 'export async function main() {\n  console.log(;\n}\n' }));
    expect(fake.spawned).toEqual([]);
    expect(result.compileError).toMatchObject({ kind: 'syntax', line: 2 });
  });

  test('Run with lesson URLs starts a real local server first and points the harness at it', async () => {
    const fake = new FakeWebContainer();
    fake.scripts.push({ observation: observation([]) });
    const routes = { 'https://api.example/users/1': { status: 200, body: 'Ada', latency: 300 } };
    await new WebContainerRunner(fake, '').run(request({ mode: 'run', exercise: '@program', routes }));
    expect(fake.spawned.map((s) => s.args[0])).toEqual(['.course/server.mjs', 'run.mjs']);
    expect(JSON.parse(fake.spawned[0].args[1])).toEqual({ '/users/1': routes['https://api.example/users/1'] });
    expect(JSON.parse(fake.files.get('.course/request.json')!).realFetchBase).toBe('http://localhost:3111');
  });

  test('Check never uses the real server: verdicts stay on the virtual clock', async () => {
    const fake = new FakeWebContainer();
    fake.scripts.push({ observation: observation([]) });
    const routes = { 'https://api.example/a': { status: 200, body: 'A', latency: 300 } };
    await new WebContainerRunner(fake, '').run(request({ mode: 'check', routes }));
    expect(fake.spawned.map((s) => s.args[0])).toEqual(['check.mjs']);
    expect(JSON.parse(fake.files.get('.course/request.json')!).realFetchBase).toBeUndefined();
  });
});

describe('booting WebContainer (against a fake module)', () => {
  test('a boot that never settles times out, and the page falls back to the browser with the reason', async () => {
    const timers = manualTimers();
    const booting = bootWithTimeout({
      load: async () => ({ WebContainer: { boot: () => new Promise<never>(() => {}) } }),
      timeoutMs: 15_000,
      setTimer: timers.set,
    });
    await new Promise((r) => setTimeout(r, 5));
    timers.fireAll();
    const result = await booting;
    expect(result).toMatchObject({ state: 'timed-out' });
    const choice = pickRuntime({ preference: 'node', webcontainerEnabled: true, crossOriginIsolated: true, sharedArrayBuffer: true, supportedBrowser: true, boot: 'timed-out' });
    expect(choice).toMatchObject({ kind: 'browser' });
    expect(choice.reason).toMatch(/running in the browser instead/);
  });

  test('a boot that throws is a failure with the error in plain words', async () => {
    const result = await bootWithTimeout({
      load: async () => ({ WebContainer: { boot: () => Promise.reject(new Error('SharedArrayBuffer is not defined')) } }),
      setTimer: () => 0,
    });
    expect(result).toMatchObject({ state: 'failed' });
    expect(result.state === 'failed' && result.reason).toMatch(/couldn't start.*SharedArrayBuffer is not defined/);
  });

  test('a boot that works configures the API key first and boots with COEP require-corp', async () => {
    const calls: string[] = [];
    const container = new FakeWebContainer();
    const result = await bootWithTimeout({
      apiKey: 'key-123',
      load: async () => ({
        configureAPIKey: (key: string) => void calls.push(`key:${key}`),
        WebContainer: {
          boot: async (options) => {
            calls.push(`boot:${options?.coep}`);
            return container;
          },
        },
      }),
      setTimer: () => 0,
    });
    expect(result).toMatchObject({ state: 'ready', container });
    expect(calls).toEqual(['key:key-123', 'boot:require-corp']);
  });
});
