/**
 * What learner code sees in place of Node's globals (console, timers,
 * timer handles, fetch's Response, the helpers), table by table, through
 * the real worker path. Where Node has the same API, the expected output is
 * what `node` prints for the same program; the last test runs real Node to
 * prove the abort behaviour it copies.
 */
import { describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { observeProgram } from '../src/lib/node/observe-program.ts';
import type { Route } from '../src/lib/exercise/spec.ts';

const printed = async (source: string, routes?: Record<string, Route>) => {
  const observation = await observeProgram(source, { routes });
  const scenario = observation.scenarios[0];
  return { lines: scenario.logs.map((l) => l.text), observation: scenario };
};

describe('console', () => {
  test.each([
    ['group indents until groupEnd', `console.group('outer');\nconsole.log('a');\nconsole.group();\nconsole.log('b');\nconsole.groupEnd();\nconsole.groupEnd();\nconsole.log('c');`, ['outer', '  a', '    b', 'c']],
    ['time/timeEnd read the virtual clock', `import { sleep } from '@course/helpers';\nconsole.time('t');\nawait sleep(1500);\nconsole.timeEnd('t');\nconsole.time();\nawait sleep(20);\nconsole.timeLog(undefined, 'so far');`, ['t: 1.500s', 'default: 20.000ms so far']],
    ['count and countReset', `console.count();\nconsole.count();\nconsole.count('x');\nconsole.countReset();\nconsole.count();`, ['default: 1', 'default: 2', 'x: 1', 'default: 1']],
    ['assert prints only when false', `console.assert(true, 'never');\nconsole.assert(false, 'shown', 1);`, ['Assertion failed: shown 1']],
  ])('%s', async (_name, source, expected) => {
    expect((await printed(source)).lines).toEqual(expected);
  }, 30_000);
});

describe('timer handles', () => {
  test.each([
    ['a handle converts to its number and clears by it', `const t = setTimeout(() => console.log('no'), 10);\nclearTimeout(+t);\nconsole.log(typeof +t);`, ['number']],
    ['ref/unref/hasRef are chainable, as in Node', `const t = setTimeout(() => {}, 1);\nconsole.log(t.unref() === t, t.ref() === t, t.hasRef());`, ['true true true']],
    [
      'refresh() re-arms a pending timer from now',
      `import { sleep } from '@course/helpers';\nconst start = Date.now();\nconst t = setTimeout(() => console.log('fired at', Date.now() - start), 100);\nawait sleep(60);\nt.refresh();`,
      ['fired at 160'],
    ],
    [
      'refresh() after it fired runs it again',
      `import { sleep } from '@course/helpers';\nconst start = Date.now();\nconst t = setTimeout(() => console.log('fired at', Date.now() - start), 50);\nawait sleep(70);\nt.refresh();`,
      ['fired at 50', 'fired at 120'],
    ],
    ['refresh() after clearTimeout does nothing', `const t = setTimeout(() => console.log('no'), 10);\nclearTimeout(t);\nt.refresh();\nconsole.log('done');`, ['done']],
  ])('%s', async (_name, source, expected) => {
    expect((await printed(source)).lines).toEqual(expected);
  }, 30_000);
});

describe('Response', () => {
  test('bodyUsed turns true once the body is read, and a second read rejects', async () => {
    const routes = { 'https://api.example/a': { status: 200, body: '{"n":1}', latency: 10 } };
    const source = `const r = await fetch('https://api.example/a');\nconsole.log(r.ok, r.status, r.bodyUsed);\nconsole.log((await r.json()).n, r.bodyUsed);\nawait r.text().catch((e) => console.log(e.name));`;
    expect((await printed(source, routes)).lines).toEqual(['true 200 false', '1 true', 'TypeError']);
  }, 30_000);
});

describe('times learner code hands the harness are finite', () => {
  test.each([
    ['blockFor(Infinity) neither hangs nor makes the clock infinite', `import { blockFor } from '@course/helpers';\nblockFor(Infinity);\nconsole.log(Number.isFinite(Date.now()));`],
    ['sleep(NaN) resolves at once', `import { sleep } from '@course/helpers';\nawait sleep(NaN);\nconsole.log(true);`],
    ['setTimeout with a huge delay still counts as a finite timer', `const t = setTimeout(() => {}, 1e30);\nclearTimeout(t);\nconsole.log(true);`],
  ])('%s', async (_name, source) => {
    const { lines, observation } = await printed(source);
    expect(lines).toEqual(['true']);
    expect(Number.isFinite(observation.totalTime)).toBe(true);
    for (const span of observation.spans) {
      expect(Number.isFinite(span.start)).toBe(true);
      expect(span.end === null || Number.isFinite(span.end)).toBe(true);
    }
  }, 30_000);
});

describe('an aborted sleep rejects as Node does', () => {
  const program = (importLine: string, call: string) =>
    `${importLine}\nconst controller = new AbortController();\nconst waiting = ${call};\ncontroller.abort('why');\ntry { await waiting; } catch (e: any) { console.log(e.name, e.code, e.message, String(e.cause)); }\nconst early = new AbortController();\nearly.abort('before');\ntry { await ${call.replace('controller', 'early')}; } catch (e: any) { console.log(e.name, String(e.cause)); }`;
  const nodeTimers = program(`import { setTimeout as wait } from 'node:timers/promises';`, `wait(1000, undefined, { signal: controller.signal })`);

  test('real Node: node:timers/promises', () => {
    const result = spawnSync(process.execPath, ['--input-type=module', '--experimental-strip-types', '-e', nodeTimers.replace(/: any/g, '')], { encoding: 'utf8' });
    expect(result.stdout.trim().split('\n')).toEqual(['AbortError ABORT_ERR The operation was aborted why', 'AbortError before']);
  });

  test.each([
    ['node:timers/promises in the harness', nodeTimers],
    ['@course/helpers sleep', program(`import { sleep } from '@course/helpers';`, `sleep(1000, controller.signal)`)],
  ])('%s', async (_name, source) => {
    expect((await printed(source)).lines).toEqual(['AbortError ABORT_ERR The operation was aborted why', 'AbortError before']);
  }, 30_000);
});

describe('self.close()', () => {
  test('is reported as what it is, not as a runaway', async () => {
    const { observation } = await printed(`console.log('before');\n(globalThis as any).close?.();\nconsole.log('after');`);
    // In Node there is no worker close(): the call is skipped, and the program runs on.
    expect(observation.logs.map((l) => l.text)).toEqual(['before', 'after']);
    expect(observation.errors.filter((e) => e.kind === 'budget')).toEqual([]);
  }, 30_000);
});
