/**
 * Every TypeScript snippet under content/snippets/ runs, so no lesson, sandbox
 * or cheat-sheet row shows a broken example. Snippets are discovered, not
 * listed: a new file is covered as soon as it exists.
 *
 * - A snippet runs through the harness (observeProgram, virtual clock), with
 *   its `<name>.routes.json` sidecar when it has one, and must show no error,
 *   settle, and not hit the budget or the virtual-time limit.
 * - `// expect-error: <kind>` on its first lines: that error must occur (and
 *   is then not a failure), e.g. a snippet showing an unhandled rejection.
 * - `// runs-in: node`: it uses Node APIs the sandbox lacks (worker_threads),
 *   so it runs under real Node.js and must exit 0, or with the code its
 *   `// exits-with: <code>` names (a lesson showing why Node stops).
 */
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { observeProgram } from '../src/lib/node/observe-program.ts';
import { parseDirectives, stripDirectives } from '../src/lib/snippets/directives.ts';
import { runProblems } from '../src/lib/snippets/answers.ts';
import { listSnippets, readRoutes, readSnippet, ROOT } from '../src/lib/snippets/files.ts';
import { captureNode } from '../src/lib/snippets/capture.ts';
import { CAPTURE_COMMAND, harnessRun, OUTPUTS_FILE, parseOutputs, stdoutLines } from '../src/lib/snippets/outputs.ts';
import { CHEAT_ROWS } from '../src/lib/snippets/cheatsheet.ts';
import { CODE_THEMES } from '../src/components/lesson/shiki.ts';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const snippets = listSnippets('.ts');
const outputs = parseOutputs(JSON.parse(readFileSync(join(ROOT, OUTPUTS_FILE), 'utf8')));
/**
 * Real-time budget per run. Lesson snippets are ours and finish in
 * milliseconds of virtual time; the generous budget only keeps a loaded
 * machine (slow worker start-up) from failing them.
 */
const SNIPPET_BUDGET_MS = 30_000;

describe('every TypeScript snippet runs', () => {
  test('there are snippets to run', () => {
    expect(snippets.length).toBeGreaterThan(10);
  });

  test.concurrent.each(snippets)('%s', { timeout: 60_000 }, async (src) => {
    const source = readSnippet(src);
    const directives = parseDirectives(source, src);
    const committed = outputs.typescript[src];
    const stale = `the captured output of ${src} is stale or missing: run \`${CAPTURE_COMMAND}\` and commit ${OUTPUTS_FILE}`;
    expect(committed, stale).toBeDefined();
    if (directives.runsIn === 'node') {
      // The Node that runs the tests (22, via npm scripts) strips types itself.
      const run = captureNode(src);
      const stderr = run.lines.filter((l) => l.stream === 'err').map((l) => l.text).join('\n');
      expect(run.exitCode, `${src} under node:\n${stderr}`).toBe(directives.exitsWith ?? 0);
      expect(stdoutLines(run).join('').trim().length, `${src} prints something`).toBeGreaterThan(0);
      expect(run, stale).toEqual(committed);
      return;
    }
    const observation = await observeProgram(source, { routes: readRoutes(src), budgetMs: SNIPPET_BUDGET_MS });
    expect(harnessRun(observation).lines, stale).toEqual(committed!.lines);
    expect(runProblems(observation, directives.expectErrors), src).toEqual([]);
    const scenario = observation.scenarios[0]!;
    // A budget or virtual-limit stop is never what a lesson means to show.
    expect(scenario.errors.filter((e) => e.kind === 'budget' || e.kind === 'virtual-limit' || e.kind === 'internal')).toEqual([]);
    if (!directives.expectErrors.includes('uncaught')) expect(scenario.settled.state, `${src} settles`).toBe('fulfilled');
  });
});

test('the capture holds no TypeScript snippet that no longer exists', () => {
  expect(Object.keys(outputs.typescript).filter((src) => !snippets.includes(src))).toEqual([]);
});

describe('snippet directives', () => {
  test('reads expect-error, runs-in and needs from the leading comments', () => {
    const d = parseDirectives('// expect-error: unhandled-rejection, uncaught\n// runs-in: node\nconsole.log(1);\n// expect-error: budget\n');
    expect(d).toEqual({ expectErrors: ['unhandled-rejection', 'uncaught'], runsIn: 'node', needs: [] });
    expect(parseDirectives('#!/usr/bin/env python3\n# needs: aiohttp\nimport aiohttp\n').needs).toEqual(['aiohttp']);
  });

  test('reads exits-with, and refuses a code that is not one', () => {
    expect(parseDirectives('// runs-in: node\n// exits-with: 13\nawait 0;\n').exitsWith).toBe(13);
    expect(() => parseDirectives('// exits-with: soon\n', 'c.ts')).toThrow(/c\.ts: "exits-with" needs an exit code/);
    expect(stripDirectives('// runs-in: node\n// exits-with: 13\nawait 0;\n')).toBe('await 0;\n');
  });

  test.each(snippets)('%s: exits-with only with runs-in: node (the harness has no exit code)', (src) => {
    const d = parseDirectives(readSnippet(src), src);
    if (d.exitsWith !== undefined) expect(d.runsIn).toBe('node');
  });

  test('ignores prose comments and anything after the first line of code', () => {
    expect(parseDirectives('// Note: not a directive\nconst a = 1; // needs: nothing\n')).toEqual({ expectErrors: [], needs: [] });
  });

  test('rejects an unknown error kind or runtime, naming the file', () => {
    expect(() => parseDirectives('// expect-error: oops\n', 'a.ts')).toThrow(/a\.ts: unknown error kind "oops"/);
    expect(() => parseDirectives('// runs-in: deno\n', 'b.ts')).toThrow(/b\.ts: "runs-in" only knows "node"/);
  });

  test('the page shows the code without its directive lines', () => {
    expect(stripDirectives('// expect-error: uncaught\n\n// Why this fails:\nthrow 1;\n')).toBe('// Why this fails:\nthrow 1;\n');
    expect(stripDirectives('# needs: aiohttp\nimport aiohttp\n')).toBe('import aiohttp\n');
  });

  test.each(snippets)('%s: directives parse', (src) => {
    expect(() => parseDirectives(readSnippet(src), src)).not.toThrow();
  });
});

describe('cheat sheet', () => {
  test('covers the mapping the course must teach', () => {
    const text = CHEAT_ROWS.map((r) => `${r.python} ${r.typescript}`).join('\n');
    for (const word of ['gather', 'Promise.all', 'create_task', 'asyncio.run', 'asyncio.sleep', 'wait_for', 'asyncio.timeout', 'cancel', 'as_completed', 'Semaphore', 'TaskGroup', 'return_exceptions', 'allSettled', 'time.sleep', 'ProcessPoolExecutor', 'worker_threads', 'never retrieved', 'unhandled promise rejection', 'aiohttp', 'fetch', 'AbortController']) {
      expect(text, word).toContain(word);
    }
  });

  test('rows have unique ids and existing example files', () => {
    expect(new Set(CHEAT_ROWS.map((r) => r.id)).size).toBe(CHEAT_ROWS.length);
    const py = new Set(listSnippets('.py'));
    for (const row of CHEAT_ROWS) {
      expect(snippets, row.id).toContain(row.ts);
      expect(py, row.id).toContain(row.py);
      if (row.stdlib) expect(py, row.id).toContain(row.stdlib);
    }
  });
});

test('components highlight code with the same Shiki themes as Markdown code blocks', () => {
  // Read as text: importing the config would run its integrations.
  const config = readFileSync(new URL('../astro.config.mjs', import.meta.url), 'utf8');
  expect(config).toContain("import { CODE_DEFAULT_COLOR, CODE_THEMES } from './src/components/lesson/shiki.ts';");
  const shiki = config.slice(config.indexOf('shikiConfig'));
  expect(shiki).toMatch(/themes:\s*CODE_THEMES,/);
  expect(shiki).toMatch(/defaultColor:\s*CODE_DEFAULT_COLOR,/);
  // No other file restates the theme names, so they cannot drift apart.
  const restating = execFileSync('git', ['grep', '-l', '-e', CODE_THEMES.light, '-e', CODE_THEMES.dark, '--', 'src', 'astro.config.mjs'], {
    encoding: 'utf8',
    cwd: fileURLToPath(new URL('..', import.meta.url)),
  })
    .trim()
    .split('\n');
  expect(restating).toEqual(['src/components/lesson/shiki.ts']);
});
