/**
 * The lesson figures from real runs: the performance snippets drawn as a
 * staircase and a stack, and the event-loop view's phase labels, all read
 * from observeProgram (virtual clock), as the build does.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { observeProgram } from '../src/lib/node/observe-program.ts';
import { layoutPair, layoutTimeline } from '../src/lib/timeline/layout.ts';
import { eventLoopSteps } from '../src/lib/timeline/steps.ts';
import type { ScenarioObservation } from '../src/lib/harness/observation.ts';

async function run(path: string): Promise<ScenarioObservation> {
  const source = readFileSync(new URL(`../content/snippets/${path}`, import.meta.url), 'utf8');
  const observation = await observeProgram(source);
  expect(observation.compileError).toBeUndefined();
  const scenario = observation.scenarios[0]!;
  expect(scenario.errors).toEqual([]);
  return scenario;
}

describe('performance snippets', () => {
  test.each([
    // snippet, kind, [start, end] of each bar, total
    ['performance/sequential.ts', 'cpu', [[0, 1000], [1000, 2000], [2000, 3000]], 3000],
    ['performance/concurrent.ts', 'timer', [[0, 1000], [0, 1000], [0, 1000]], 1000],
    ['performance/awaited-in-turn.ts', 'timer', [[0, 1000], [1000, 2000], [2000, 3000]], 3000],
    ['performance/blocking-in-async.ts', 'cpu', [[0, 1000], [1000, 2000], [2000, 3000]], 3000],
  ])('%s draws three %s bars', async (path, kind, pieces, total) => {
    const layout = layoutTimeline(await run(path));
    expect(layout.bars.map((b) => [b.start, b.end])).toEqual(pieces);
    expect(layout.bars.every((b) => b.kind === kind)).toBe(true);
    expect(layout.totalMs).toBe(total);
    expect(layout.clockLabel).toBe('simulated time');
  });

  test('sequential and concurrent on one scale: the concurrent run ends a third of the way along', async () => {
    const [a, b] = layoutPair(await run('performance/sequential.ts'), await run('performance/concurrent.ts'));
    const end = (l: typeof a) => Math.max(...l.bars.map((bar) => bar.x + bar.width));
    const start = (l: typeof a) => Math.min(...l.bars.map((bar) => bar.x));
    expect((end(b) - start(b)) / (end(a) - start(a))).toBeCloseTo(1 / 3, 5);
  });
});

describe('event-loop view', () => {
  test('order.ts: each line labelled from the run', async () => {
    const steps = eventLoopSteps(await run('event-loop-view/order.ts'));
    expect(steps.map((s) => [s.text, s.badge])).toEqual([
      ['script starts', 'Synchronous'],
      ['script ends', 'Synchronous'],
      ['promise callback', 'Microtask'],
      ['queueMicrotask callback', 'Microtask'],
      ['timer 1 fires', 'Timer 1'],
      ['promise callback queued by timer 1', 'Microtask after timer 1'],
      ['timer 2 fires', 'Timer 2'],
    ]);
    expect(steps.map((s) => s.n)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(steps[4]!.explanation).toMatch(/\(setTimeout \d+ ms\)/);
  });

  test('awaited sleeps: lines after each timer are microtasks after that timer', async () => {
    const steps = eventLoopSteps(await run('performance/awaited-in-turn.ts'));
    expect(steps.slice(0, 3).map((s) => s.badge)).toEqual(['Microtask after timer 1', 'Microtask after timer 2', 'Microtask after timer 3']);
  });
});
