import { describe, expect, test } from 'vitest';
import type { Observation, ScenarioObservation } from '../src/lib/harness/observation.ts';
import { OBSERVATION_LIMITS, readLogLines, readObservation } from '../src/lib/observation-schema.ts';

function scenario(over: Partial<ScenarioObservation> = {}): ScenarioObservation {
  return {
    scenario: 'main',
    mode: 'check',
    params: { urls: ['a', 'b'], latency: 100 },
    logs: [{ t: 0, stream: 'log', text: 'hello', phase: 'sync', seq: 0 }],
    droppedLines: 0,
    outputTruncated: false,
    spans: [{ id: 1, label: 'sleep(100)', kind: 'timer', start: 0, startSeq: 1, end: 100, endSeq: 2, owner: 'learner', outcome: 'ok', ms: 100, timer: 1 }],
    errors: [],
    settled: { state: 'fulfilled', at: 100, seq: 3, value: [1, 'two', { three: null }] },
    pendingAtSettle: [],
    totalTime: 100,
    record: { peak: 2 },
    ...over,
  };
}

const observation = (over: Partial<Observation> = {}): Observation => ({ exercise: 'fetch-all', mode: 'check', seed: 7, scenarios: [scenario()], ...over });

const deep = (depth: number): unknown => (depth === 0 ? 1 : [deep(depth - 1)]);

describe('an honest observation', () => {
  test('passes unchanged', () => {
    const reading = readObservation(observation());
    expect(reading).toEqual({ ok: true, observation: observation() });
  });
  test('with a compile error and no scenarios passes', () => {
    const value = observation({ scenarios: [], compileError: { kind: 'syntax', message: 'Unexpected token', line: 2, column: 5 } });
    expect(readObservation(value).ok).toBe(true);
  });
  test('at the harness caps (1,000 lines of 10,000 characters) passes', () => {
    const logs = Array.from({ length: 1000 }, (_, i) => ({ t: i, stream: 'log' as const, text: 'x'.repeat(10_000), phase: 'timer' as const, seq: i }));
    expect(readObservation(observation({ scenarios: [scenario({ logs })] })).ok).toBe(true);
  });
});

describe('a doctored observation is refused', () => {
  const bad: Array<[string, unknown]> = [
    ['not an object', '<img src=x onerror=alert(1)>'],
    ['null', null],
    ['an unknown mode', observation({ mode: '"><script>' as never })],
    ['an infinite seed', observation({ seed: Infinity })],
    ['a NaN total time', observation({ scenarios: [scenario({ totalTime: NaN })] })],
    ['an infinite line time', observation({ scenarios: [scenario({ logs: [{ t: Infinity, stream: 'log', text: 'x', phase: 'sync', seq: 0 }] })] })],
    ['an infinite span end', observation({ scenarios: [scenario({ spans: [{ ...scenario().spans[0]!, end: Infinity }] })] })],
    ['a huge time', observation({ scenarios: [scenario({ totalTime: 1e300 })] })],
    ['a string where a time goes', observation({ scenarios: [scenario({ totalTime: '1e3' as never })] })],
    ['an unknown stream', observation({ scenarios: [scenario({ logs: [{ t: 0, stream: 'x<b>' as never, text: 'x', phase: 'sync', seq: 0 }] })] })],
    ['an unknown span kind', observation({ scenarios: [scenario({ spans: [{ ...scenario().spans[0]!, kind: '"onload="x' as never }] })] })],
    ['an unknown owner', observation({ scenarios: [scenario({ spans: [{ ...scenario().spans[0]!, owner: 'page' as never }] })] })],
    ['an unknown outcome', observation({ scenarios: [scenario({ spans: [{ ...scenario().spans[0]!, outcome: 'won' as never }] })] })],
    ['an unknown error kind', observation({ scenarios: [scenario({ errors: [{ kind: 'pass' as never, message: 'x' }] })] })],
    ['an unknown settled state', observation({ scenarios: [scenario({ settled: { state: 'passed' } as never })] })],
    ['a fractional line number', observation({ compileError: { kind: 'syntax', message: 'x', line: 1.5 } })],
    ['too many scenarios', observation({ scenarios: Array.from({ length: OBSERVATION_LIMITS.scenarios + 1 }, () => scenario()) })],
    [
      'too many lines',
      observation({
        scenarios: [scenario({ logs: Array.from({ length: OBSERVATION_LIMITS.linesPerScenario + 1 }, (_, i) => ({ t: 0, stream: 'log' as const, text: '', phase: 'sync' as const, seq: i })) })],
      }),
    ],
    ['a line too long', observation({ scenarios: [scenario({ logs: [{ t: 0, stream: 'log', text: 'x'.repeat(OBSERVATION_LIMITS.lineChars + 1), phase: 'sync', seq: 0 }] })] })],
    ['a label too long', observation({ scenarios: [scenario({ spans: [{ ...scenario().spans[0]!, label: 'x'.repeat(OBSERVATION_LIMITS.shortChars + 1) }] })] })],
    ['params nested too deep', observation({ scenarios: [scenario({ params: deep(OBSERVATION_LIMITS.jsonDepth + 2) as never })] })],
    ['params with too many characters', observation({ scenarios: [scenario({ params: ['x'.repeat(OBSERVATION_LIMITS.jsonChars + 1)] })] })],
    ['a non-finite number in a record', observation({ scenarios: [scenario({ record: { peak: Infinity } })] })],
    ['a function-bearing value', observation({ scenarios: [scenario({ record: { peak: new Date(0) as never } })] })],
  ];
  test.each(bad)('%s', (_name, value) => {
    const reading = readObservation(value);
    expect(reading.ok).toBe(false);
    if (!reading.ok) expect(reading.reason).not.toBe('');
  });
});

describe('what passes is safe to read', () => {
  test('unknown keys are dropped, never read', () => {
    const value = { ...observation(), innerHTML: '<script>', scenarios: [{ ...scenario(), html: '<b>' }] };
    const reading = readObservation(value);
    expect(reading.ok).toBe(true);
    if (reading.ok) {
      expect('innerHTML' in reading.observation).toBe(false);
      expect('html' in reading.observation.scenarios[0]!).toBe(false);
    }
  });
  test('a "__proto__" key in a record does not touch any prototype', () => {
    const record = JSON.parse('{"__proto__": {"polluted": true}, "peak": 1}');
    const reading = readObservation(observation({ scenarios: [scenario({ record })] }));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    if (reading.ok) expect(Object.getPrototypeOf(reading.observation.scenarios[0]!.record)).toBe(Object.prototype);
  });
});

describe('streamed log lines', () => {
  test('an honest batch passes', () => {
    expect(readLogLines([{ t: 5, stream: 'warn', text: 'careful', phase: 'timer', timer: 2, seq: 4 }])).toHaveLength(1);
  });
  test.each([
    ['not an array', { t: 0 }],
    ['a NaN time', [{ t: NaN, stream: 'log', text: '', phase: 'sync', seq: 0 }]],
    ['a number for text', [{ t: 0, stream: 'log', text: 5, phase: 'sync', seq: 0 }]],
    ['an unknown phase', [{ t: 0, stream: 'log', text: '', phase: '<i>', seq: 0 }]],
  ])('%s is refused', (_name, value) => {
    expect(readLogLines(value)).toBeUndefined();
  });
});

describe('every fixture the Node harness observes passes the page schema', async () => {
  const { exerciseIds, loadExercise } = await import('../src/lib/node/exercises.ts');
  const { checkSource } = await import('../src/lib/node/check-file.ts');
  describe.each(exerciseIds())('%s', (id) => {
    const exercise = loadExercise(id);
    const sources: Array<[string, string, 'run' | 'check']> = [
      ['solution, Run', exercise.solution, 'run'],
      ['solution, Check', exercise.solution, 'check'],
      ['starter, Check', exercise.starter, 'check'],
      ...exercise.wrong.map((w): [string, string, 'check'] => [`wrong ${w.file.split('/').pop()}`, w.source, 'check']),
    ];
    test.each(sources)('%s', async (_name, source, mode) => {
      const { observation } = await checkSource(id, source, { mode });
      const reading = readObservation(observation);
      expect(reading.ok ? 'ok' : reading.reason).toBe('ok');
    });
  });
});
