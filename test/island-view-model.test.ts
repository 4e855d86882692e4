import { describe, expect, test } from 'vitest';
import { describeThrown } from '../src/lib/harness/format.ts';
import type { Observation, ScenarioObservation } from '../src/lib/harness/observation.ts';
import type { Verdict } from '../src/lib/judge/verdict.ts';
import { lineDiff } from '../src/lib/judge/diff.ts';
import {
  checkItem,
  compileErrorText,
  describeError,
  diffLegend,
  diffRows,
  entryOf,
  errorPosition,
  inlineParts,
  plainText,
  runSummary,
  offsetOf,
  outputRows,
  shortcuts,
  verdictView,
} from '../src/islands/view-model.ts';

function scenario(over: Partial<ScenarioObservation> = {}): ScenarioObservation {
  return {
    scenario: 'main',
    mode: 'run',
    params: null,
    logs: [],
    droppedLines: 0,
    outputTruncated: false,
    spans: [],
    errors: [],
    settled: { state: 'fulfilled', at: 1000, seq: 9, value: null },
    pendingAtSettle: [],
    totalTime: 1000,
    record: {},
    ...over,
  };
}

const observation = (...scenarios: ScenarioObservation[]): Observation => ({ exercise: 'x', mode: 'run', seed: 1, scenarios });

describe('diff rows', () => {
  test('say in words what each sign means', () => {
    const rows = diffRows(lineDiff(['Starting', 'Finished'], ['Starting', 'Done']));
    expect(rows).toEqual([
      { op: ' ', sign: ' ', meaning: 'as expected', text: 'Starting' },
      { op: '-', sign: '−', meaning: 'expected, not printed', text: 'Finished' },
      { op: '+', sign: '+', meaning: 'printed, not expected', text: 'Done' },
    ]);
  });
});

describe('check items', () => {
  test.each([
    [{ id: 'a', title: 'A', passed: true, message: 'ok' }, { status: 'Passed' }],
    [{ id: 'b', title: 'B', passed: false, message: 'no' }, { status: 'Failed' }],
    [
      { id: 'c', title: 'C', passed: false, message: 'out', expected: ['x'], actual: ['y'], diff: lineDiff(['x'], ['y']) },
      { status: 'Failed', diff: diffRows(lineDiff(['x'], ['y'])) },
    ],
    [{ id: 'd', title: 'D', passed: false, message: 'n', expected: 3, actual: 4 }, { values: { expected: '3', actual: '4' } }],
  ])('%o', (result, expected) => {
    expect(checkItem(result)).toMatchObject(expected);
  });

  test('a verdict keeps its summary and every check, in order', () => {
    const verdict: Verdict = {
      exercise: 'x',
      passed: true,
      summary: 'All checks passed',
      checks: [
        { id: 'runs', title: 'Runs', passed: true, message: 'ok' },
        { id: 'out', title: 'Output', passed: true, message: 'ok' },
      ],
    };
    const view = verdictView(verdict);
    expect(view.summary).toBe('All checks passed');
    expect(view.items.map((i) => i.id)).toEqual(['runs', 'out']);
  });
});

describe('output rows', () => {
  test('printed lines with their times, then how main ended', () => {
    const rows = outputRows(
      observation(scenario({ logs: [{ t: 0, stream: 'log', text: 'Starting', phase: 'sync', seq: 1 }, { t: 1000, stream: 'error', text: 'oops', phase: 'timer', seq: 2 }] })),
      { entry: 'main' },
    );
    expect(rows).toEqual([
      { kind: 'log', text: 'Starting', t: 0 },
      { kind: 'error', text: 'oops', t: 1000 },
      { kind: 'status', text: 'main() finished after 1.00 s.', t: 1000 },
    ]);
  });

  test('the note when output was capped', () => {
    const rows = outputRows(observation(scenario({ outputTruncated: true, droppedLines: 250, logs: [{ t: 0, stream: 'log', text: 'x', phase: 'sync', seq: 1 }] })));
    expect(rows.map((r) => r.text)).toContain('Output was cut: only the first 1 lines are shown (250 more were dropped), and very long lines were shortened.');
  });

  test('a compile error alone', () => {
    const rows = outputRows({ ...observation(), compileError: { kind: 'syntax', message: 'Unexpected token at line 3, column 2', line: 3, column: 2 } });
    expect(rows).toEqual([{ kind: 'error', text: 'Syntax error: Unexpected token at line 3, column 2' }]);
  });

  test('case headings only when a Check ran several cases', () => {
    expect(outputRows(observation(scenario())).some((r) => r.kind === 'heading')).toBe(false);
    const two = outputRows(observation(scenario({ scenario: 'a' }), scenario({ scenario: 'b' })));
    expect(two.filter((r) => r.kind === 'heading').map((r) => r.text)).toEqual(['Case "a"', 'Case "b"']);
  });

  test('a budget stop says so, and nothing about main', () => {
    const rows = outputRows(observation(scenario({ settled: { state: 'pending' }, errors: [{ kind: 'budget', message: 'ran too long' }] })));
    expect(rows).toEqual([{ kind: 'error', text: 'ran too long', t: undefined }]);
  });

  test('a rejected main names the error and its line', () => {
    const rows = outputRows(
      observation(scenario({ settled: { state: 'rejected', at: 5, seq: 3, error: { name: 'TypeError', message: 'x is not a function', line: 4, column: 3 } } })),
    );
    expect(rows.at(-1)).toEqual({ kind: 'error', text: 'main failed: TypeError: x is not a function (line 4, column 3)', t: 5 });
  });

  test.each([true, 42, 10n, Symbol('s'), () => 1, { code: 1 }, 'oops', undefined, null])(
    'a main that throws %s (not an Error) is told by the message alone, without a type name',
    (value) => {
      const error = describeThrown(value);
      const rows = outputRows(observation(scenario({ settled: { state: 'rejected', at: 5, seq: 3, error } })));
      expect(rows.at(-1)).toEqual({ kind: 'error', text: `main failed: ${error.message}`, t: 5 });
    },
  );

  test('an uncaught throw in a callback still lets main end, and says how it ended', () => {
    const rows = outputRows(
      observation(scenario({ settled: { state: 'fulfilled', at: 7, seq: 9, value: null }, errors: [{ kind: 'uncaught', message: 'Uncaught TypeError: boom', t: 3 }] })),
    );
    expect(rows.map((r) => r.kind)).toEqual(['error', 'status']);
    expect(rows[0]!.text).toBe('Uncaught TypeError: boom');
    expect(rows[1]!.text).toMatch(/^The program finished after /);
  });

  test('errors sit among the printed lines at their time, not after all of them', () => {
    const logs = [
      { t: 0, stream: 'log' as const, text: 'start', phase: 'sync' as const, seq: 1 },
      { t: 310, stream: 'log' as const, text: 'email sent', phase: 'timer' as const, seq: 5 },
    ];
    const rows = outputRows(observation(scenario({ logs, errors: [{ kind: 'unhandled-rejection', message: 'Unhandled promise rejection: Error: boom', t: 110 }] })), { entry: 'main' });
    expect(rows.map((r) => r.text)).toEqual(['start', 'Unhandled promise rejection: Error: boom', 'email sent', 'main() finished after 1.00 s.']);
  });

  test('a rejecting export other than main is told as a status, not as a red "main failed"', () => {
    const rejected = scenario({ settled: { state: 'rejected', at: 400, seq: 3, error: { name: 'Error', message: 'disk full' } } });
    const rows = outputRows(observation(rejected), { entry: 'fetchAll' });
    expect(rows).toEqual([{ kind: 'status', text: 'fetchAll() rejected after 0.40 s with Error: disk full.', t: 400 }]);
    expect(rows.some((r) => r.kind === 'error' || /main failed/.test(r.text))).toBe(false);
    expect(runSummary(observation(rejected), 'fetchAll')).toBe('0 lines printed; fetchAll() rejected after 0.40 s.');
    expect(outputRows(observation(rejected), { entry: 'main' })).toEqual([{ kind: 'error', text: 'main failed: Error: disk full', t: 400 }]);
  });

  test('the status line is never a printed line, so a learner printing "Finished" is not confused with it', () => {
    const rows = outputRows(observation(scenario({ logs: [{ t: 0, stream: 'log', text: 'Finished', phase: 'sync', seq: 1 }] })), { entry: 'main' });
    expect(rows.filter((r) => r.kind === 'status').map((r) => r.text)).toEqual(['main() finished after 1.00 s.']);
  });

  test("under Check, the status names Check's own case, whose times may differ from Run's example", () => {
    const rows = outputRows({ ...observation(scenario()), mode: 'check' }, { entry: 'main' });
    expect(rows.at(-1)!.text).toBe('main() finished after 1.00 s on Check\'s case "main" (Run uses the task\'s example, so times may differ).');
  });

  test('the entry is the first exported function of a spec', () => {
    expect(entryOf({ predicted: 'array', demo: 'function' })).toBe('demo');
    expect(entryOf({ main: 'function' })).toBe('main');
    expect(entryOf({})).toBeUndefined();
    expect(entryOf(undefined)).toBeUndefined();
  });
});

describe('messages draw their code spans', () => {
  test.each([
    ['plain words', [{ code: false, text: 'plain words' }]],
    ['use `await` here', [{ code: false, text: 'use ' }, { code: true, text: 'await' }, { code: false, text: ' here' }]],
    // As in Markdown, a run of two backticks doesn't close a span opened by one.
    ['`a``b`', [{ code: true, text: 'a``b' }]],
    ['a lone ` stays', [{ code: false, text: 'a lone ` stays' }]],
    ['`` a`b ``', [{ code: true, text: 'a`b' }]],
    ['empty `` stays', [{ code: false, text: 'empty `` stays' }]],
    ['<b>`<i>`</b>', [{ code: false, text: '<b>' }, { code: true, text: '<i>' }, { code: false, text: '</b>' }]],
  ])('%s', (text, parts) => {
    expect(inlineParts(text)).toEqual(parts);
  });

  test('the plain text is the words without the backticks', () => {
    expect(plainText('Did you mean `await Promise.all(…)`?')).toBe('Did you mean await Promise.all(…)?');
  });
});

describe('skipped checks and original errors', () => {
  const verdict: Verdict = {
    exercise: 'x',
    passed: false,
    summary: '1 of 4 checks failed',
    checks: [
      { id: 'runs', title: 'Runs to the end', passed: false, message: '`results` is a Promise here.', detail: 'TypeError: results.join is not a function' },
      { id: 'out', title: 'Output', passed: false, message: 'Not checked.', skippedBecause: 'runs' },
      { id: 'order', title: 'Order', passed: false, message: 'Not checked.', skippedBecause: 'out' },
      { id: 'lost', title: 'Lost', passed: false, message: 'Not checked.', skippedBecause: 'nowhere' },
    ],
  };

  test('a skipped check is "Skipped", drawn under the check that stopped it (a chain goes to its first cause)', () => {
    const view = verdictView(verdict);
    expect(view.items.map((i) => [i.id, i.status])).toEqual([
      ['runs', 'Failed'],
      ['lost', 'Skipped'],
    ]);
    expect(view.items[0]!.skipped!.map((i) => [i.id, i.status])).toEqual([
      ['out', 'Skipped'],
      ['order', 'Skipped'],
    ]);
  });

  test('the raw error is kept for "Original error", and the message is split into code spans', () => {
    const item = checkItem(verdict.checks[0]!);
    expect(item.detail).toBe('TypeError: results.join is not a function');
    expect(item.parts).toEqual([
      { code: true, text: 'results' },
      { code: false, text: ' is a Promise here.' },
    ]);
    expect(checkItem({ ...verdict.checks[0]!, detail: verdict.checks[0]!.message }).detail).toBeUndefined();
  });
});

describe('a line printed at another time is not "missing"', () => {
  test('event-loop-order: a line printed later is said to be printed later, on both sides of the diff', () => {
    const rows = diffRows(lineDiff(['sync', 'microtask', 'timer'], ['sync', 'timer', 'microtask']));
    expect(rows.map((r) => [r.sign, r.meaning, r.text])).toEqual([
      [' ', 'as expected', 'sync'],
      ['−', 'expected here, printed later', 'microtask'],
      [' ', 'as expected', 'timer'],
      ['+', 'printed here, later than expected', 'microtask'],
    ]);
    expect(diffLegend(rows)).not.toMatch(/expected but not printed/);
  });

  test('a line that is truly missing is still "expected, not printed"', () => {
    const rows = diffRows(lineDiff(['a', 'b'], ['a']));
    expect(rows.map((r) => r.meaning)).toEqual(['as expected', 'expected, not printed']);
    expect(diffLegend(rows)).toMatch(/expected but not printed/);
  });
});

describe('sandbox refusals read as learner errors', () => {
  test.each(['localStorage', 'document', 'parent', 'window'])('%s is not defined', (name) => {
    expect(describeError({ kind: 'uncaught', message: `ReferenceError: ${name} is not defined` })).toMatch(/runs in a sandbox with no page/);
  });
  test('other errors are left as they are', () => {
    expect(describeError({ kind: 'uncaught', message: 'ReferenceError: foo is not defined' })).toBe('ReferenceError: foo is not defined');
  });
});

describe('editor positions', () => {
  const lines = ['import x;', '', 'export async function main() {', "  console.log('x'", '}'];
  test.each([
    [1, 1, { from: 0, to: 6 }],
    [4, 3, { from: 44, to: 51 }],
    [5, 1, { from: 60, to: 61 }],
    [99, 1, { from: 60, to: 61 }],
    [2, 1, { from: 10, to: 10 }],
  ])('line %i, column %i → %o', (line, column, expected) => {
    expect(offsetOf(lines, line, column)).toEqual(expected);
  });

  test('a compile error with a line becomes a diagnostic', () => {
    const at = errorPosition({ ...observation(), compileError: { kind: 'syntax', message: 'Unexpected token', line: 4, column: 17 } });
    expect(at).toEqual({ line: 4, column: 17, message: compileErrorText({ kind: 'syntax', message: 'Unexpected token', line: 4, column: 17 }), severity: 'error' });
    expect(at!.message).toBe('Syntax error: Unexpected token (line 4, column 17)');
  });

  test('no position, no diagnostic', () => {
    expect(errorPosition(observation(scenario()))).toBeUndefined();
  });
});

test.each([
  [true, { mod: '⌘', run: '⌘+Enter', check: '⌘+Shift+Enter' }],
  [false, { mod: 'Ctrl', run: 'Ctrl+Enter', check: 'Ctrl+Shift+Enter' }],
])('shortcuts on a Mac: %s', (mac, expected) => {
  expect(shortcuts(mac)).toEqual(expected);
});

describe("Run's output is played at its own pace", async () => {
  const { dueTimes } = await import('../src/islands/output-pacer.ts');
  test('each row is due at its time; rows without one follow the row before; nothing waits past the limit', () => {
    const rows = [
      { kind: 'log' as const, text: 'Starting', t: 0 },
      { kind: 'log' as const, text: 'Finished', t: 1000 },
      { kind: 'note' as const, text: 'Output was cut' },
      { kind: 'log' as const, text: 'late', t: 60_000 },
      { kind: 'status' as const, text: 'main() finished after 60.00 s.', t: 60_000 },
    ];
    expect(dueTimes(rows, 8000)).toEqual([0, 1000, 1000, 8000, 8000]);
  });
});
