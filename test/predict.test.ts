/**
 * Predict-the-output questions: every <Predict> a lesson uses has an answer
 * computed from a real run of its snippet, with exactly one matching option;
 * and the pure logic behind it (answers, grading, the saved-answer store,
 * the MDX tag reader) does what the components rely on.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { observeProgram } from '../src/lib/node/observe-program.ts';
import type { LogLine, Observation, ScenarioObservation } from '../src/lib/harness/observation.ts';
import {
  computeAnswer,
  computePythonAnswer,
  durationMatches,
  MAX_ORDER_LINES,
  parseCount,
  parseDuration,
  PredictError,
  predictId,
  predictSpecFromProps,
  runProblems,
  shuffleLines,
  type PredictSpec,
} from '../src/lib/snippets/answers.ts';
import { choiceFeedback, gradeOrder, isPermutation, orderFeedback } from '../src/lib/snippets/grade.ts';
import { lessonSources, listSnippets, readRoutes, readSnippet, ROOT } from '../src/lib/snippets/files.ts';
import { capturedRun, OUTPUTS_FILE, parseOutputs } from '../src/lib/snippets/outputs.ts';
import { capturePython, findPython } from '../src/lib/snippets/python-run.ts';
import { findTags } from '../src/lib/snippets/mdx-tags.ts';

// ---- Every question in the course ----

const python = findPython();
const outputs = parseOutputs(JSON.parse(readFileSync(join(ROOT, OUTPUTS_FILE), 'utf8')));

const questions = lessonSources().flatMap(({ file, source }) =>
  findTags(source, 'Predict', file).map((tag) => ({ where: `${file}:${tag.line}`, attrs: tag.attrs })),
);

describe('every predict-the-output question in the lessons', () => {
  test('the course has questions', () => {
    expect(questions.length).toBeGreaterThanOrEqual(3);
  });

  test('question ids are unique across the course (answers are saved by id)', () => {
    const ids = questions.map(({ attrs }) => {
      const spec = predictSpecFromProps(attrs);
      return predictId(String(attrs.src), spec, typeof attrs.id === 'string' ? attrs.id : undefined);
    });
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  const tsQuestions = questions.filter(({ attrs }) => !String(attrs.src).endsWith('.py'));
  const pyQuestions = questions.filter(({ attrs }) => String(attrs.src).endsWith('.py'));

  test('some questions are about Python programs', () => {
    expect(pyQuestions.length).toBeGreaterThanOrEqual(3);
  });

  // The page's answer comes from the committed CPython capture; here it is recomputed from a fresh run.
  describe.skipIf(!python.ok)(`Python questions${python.ok ? '' : ` (skipped: ${python.reason})`}`, () => {
    test.concurrent.each(pyQuestions)('$where: answer from a fresh CPython run, the same as the page shows', { timeout: 60_000 }, async ({ where, attrs }) => {
      const src = String(attrs.src);
      expect(listSnippets('.py'), `${where}: src`).toContain(src);
      const spec = predictSpecFromProps(attrs, where);
      const fresh = await capturePython(src);
      const answer = computePythonAnswer(spec, fresh, where);
      const shown = computePythonAnswer(spec, capturedRun(outputs, src, where), where);
      expect(answer, `${where}: the committed capture is stale; run \`npm run snippets:capture\``).toEqual(shown);
      if (answer.kind === 'order') {
        expect(answer.lines).toEqual(fresh.lines.filter((l) => l.stream === 'out').map((l) => l.text));
        expect(answer.shuffled).not.toEqual(answer.lines);
      }
    });
  });

  test.concurrent.each(tsQuestions)('$where: answer from a real run, exactly one right answer', { timeout: 60_000 }, async ({ where, attrs }) => {
    expect(typeof attrs.question === 'string' && attrs.question.trim().length > 0, `${where}: question`).toBe(true);
    const src = String(attrs.src);
    expect(listSnippets('.ts'), `${where}: src`).toContain(src);
    const spec = predictSpecFromProps(attrs, where);
    const observation = await observeProgram(readSnippet(src), { routes: readRoutes(src), budgetMs: 30_000 });
    const answer = computeAnswer(spec, observation, where);
    if (answer.kind === 'order') {
      expect(answer.lines).toEqual(observation.scenarios[0]!.logs.map((l) => l.text));
      expect(answer.shuffled).not.toEqual(answer.lines);
      expect([...answer.shuffled].sort()).toEqual([...answer.lines].sort());
    } else {
      expect(answer.correct).toBeGreaterThanOrEqual(0);
    }
  });
});

// ---- Answers from an observation ----

function line(text: string, t = 0, phase: LogLine['phase'] = 'sync'): LogLine {
  return { t, stream: 'log', text, phase, seq: 0 };
}

function observed(texts: string[], totalTime = 0, extra: Partial<ScenarioObservation> = {}): Observation {
  return {
    exercise: '@program',
    mode: 'check',
    seed: 1,
    scenarios: [
      {
        scenario: 'program',
        mode: 'check',
        params: null,
        logs: texts.map((text) => line(text)),
        droppedLines: 0,
        outputTruncated: false,
        spans: [],
        errors: [],
        settled: { state: 'fulfilled', at: totalTime, seq: 99, value: null },
        pendingAtSettle: [],
        totalTime,
        record: {},
        ...extra,
      },
    ],
  };
}

const choice = (answer: 'output' | 'first-line' | 'last-line' | 'elapsed' | 'line-count', options: string[]): PredictSpec => ({
  kind: 'choice',
  answer,
  options,
});

describe('computeAnswer: ordering', () => {
  const run = observed(['sync', 'microtask', 'timer']);

  test('the answer is the printed lines, shown shuffled and never already right', () => {
    const answer = computeAnswer({ kind: 'order' }, run, 'q');
    expect(answer).toMatchObject({ kind: 'order', lines: ['sync', 'microtask', 'timer'] });
    if (answer.kind !== 'order') throw new Error('unreachable');
    expect(answer.shuffled).not.toEqual(answer.lines);
    expect([...answer.shuffled].sort()).toEqual([...answer.lines].sort());
  });

  test('the shuffle is the same on every build', () => {
    const a = computeAnswer({ kind: 'order' }, run, 'q', 'seed');
    const b = computeAnswer({ kind: 'order' }, run, 'q', 'seed');
    expect(a).toEqual(b);
  });

  test.each([
    ['one line', ['only'], /at least two printed lines/],
    ['identical lines', ['same', 'same'], /every printed line is the same/],
    ['too many lines', Array.from({ length: MAX_ORDER_LINES + 1 }, (_, i) => `line ${i}`), /at most 10/],
  ])('refuses %s', (_, texts, message) => {
    expect(() => computeAnswer({ kind: 'order' }, observed(texts as string[]), 'q')).toThrow(message);
  });

  test('a console.log of several lines counts each line', () => {
    const answer = computeAnswer({ kind: 'order' }, observed(['a\nb', 'c']), 'q');
    expect(answer.kind === 'order' && answer.lines).toEqual(['a', 'b', 'c']);
  });
});

describe('computeAnswer: choice', () => {
  test.each([
    ['output', ['A\nB', 'B\nA'], ['A', 'B'], 0, 0],
    ['output', ['  B  \n\n A', 'A\nB'], ['B', 'A'], 0, 0],
    ['first-line', ['go', 'stop'], ['stop', 'go'], 0, 1],
    ['last-line', ['go', 'stop'], ['stop', 'go'], 0, 0],
    ['elapsed', ['about 1 s', 'about 3 s'], ['done'], 1000, 0],
    ['elapsed', ['about 1 s', 'about 3 seconds'], ['done'], 3000, 1],
    ['elapsed', ['instantly', '500 ms', 'about 1.5 s'], ['done'], 0, 0],
    ['elapsed', ['about 100 ms', 'about 1 s', 'about 1.1 s'], ['done'], 1000, 1],
    ['line-count', ['none', 'two lines', '3 lines'], ['a', 'b'], 0, 1],
  ] as const)('answer="%s" with %j picks from the run', (rule, options, texts, total, correct) => {
    const answer = computeAnswer(choice(rule, [...options]), observed([...texts], total), 'q');
    expect(answer).toMatchObject({ kind: 'choice', correct });
  });

  test('no matching option fails the build with what the run showed', () => {
    expect(() => computeAnswer(choice('elapsed', ['about 2 s', 'about 3 s']), observed(['x'], 1000), '<Predict src="a.ts">')).toThrow(
      /<Predict src="a\.ts">: answer="elapsed" must match exactly one option, but none match: the run took 1000 ms/,
    );
  });

  test('two matching options fail the build too', () => {
    expect(() => computeAnswer(choice('elapsed', ['about 1 s', 'about 1000 ms']), observed(['x'], 1000), 'q')).toThrow(/but 2 match/);
    expect(() => computeAnswer(choice('last-line', ['x', 'x ']), observed(['x']), 'q')).toThrow(/two options have the same text|but 2 match/);
  });

  test('options that name no duration or count are refused', () => {
    expect(() => computeAnswer(choice('elapsed', ['quickly', 'about 1 s']), observed(['x'], 1000), 'q')).toThrow(/names no duration/);
    expect(() => computeAnswer(choice('line-count', ['many', '1 line']), observed(['x']), 'q')).toThrow(/names no count/);
  });

  test('a run that went wrong answers no question', () => {
    const broken = observed(['x', 'y'], 0, {
      errors: [{ kind: 'unhandled-rejection', message: 'Unhandled promise rejection: Error: boom' }],
    });
    expect(() => computeAnswer({ kind: 'order' }, broken, 'q')).toThrow(/run went wrong[\s\S]*unhandled-rejection/);
    const compileError: Observation = { ...observed([]), compileError: { kind: 'syntax', message: 'Unexpected token', line: 3 } };
    expect(() => computeAnswer({ kind: 'order' }, compileError, 'q')).toThrow(/does not compile: Unexpected token \(line 3\)/);
  });
});

describe('computePythonAnswer', () => {
  const out = (text: string) => ({ stream: 'out' as const, text });
  test('the learner predicts standard output; stderr lines are not part of the answer', () => {
    const answer = computePythonAnswer({ kind: 'order' }, { lines: [out('a'), { stream: 'err', text: 'warning' }, out('b')], exitCode: 0 }, 'q');
    expect(answer.kind === 'order' && answer.lines).toEqual(['a', 'b']);
  });
  test('elapsed uses the virtual time of the run, and needs it', () => {
    const spec = choice('elapsed', ['about 1 s', 'about 3 s']);
    expect(computePythonAnswer(spec, { lines: [out('x')], exitCode: 0, elapsedMs: 3000 }, 'q')).toMatchObject({ correct: 1 });
    expect(() => computePythonAnswer(spec, { lines: [out('x')], exitCode: 0 }, 'q')).toThrow(/needs the run's time/);
  });
  test('a run that failed answers nothing', () => {
    expect(() => computePythonAnswer({ kind: 'order' }, { lines: [out('a'), out('b'), { stream: 'err', text: 'Traceback' }], exitCode: 1 }, 'q')).toThrow(
      /q: python3 exited with 1[\s\S]*Traceback/,
    );
  });
  test('a Python question keeps its .py in its id', () => {
    expect(predictId('event-loop/timer-callback.py', { kind: 'order' })).toBe('event-loop/timer-callback.py');
  });
});

describe('run problems', () => {
  test('a clean run has none', () => {
    expect(runProblems(observed(['a']))).toEqual([]);
  });

  test('a declared error is expected, and must happen', () => {
    const withError = observed(['a'], 0, { errors: [{ kind: 'unhandled-rejection', message: 'boom' }] });
    expect(runProblems(withError, ['unhandled-rejection'])).toEqual([]);
    expect(runProblems(withError)).toEqual(['unhandled-rejection: boom']);
    expect(runProblems(observed(['a']), ['unhandled-rejection'])).toEqual([
      'declares "expect-error: unhandled-rejection" but the run showed no such error',
    ]);
  });

  test('a program that never finishes, or rejects, is a problem', () => {
    expect(runProblems(observed(['a'], 0, { settled: { state: 'pending' } }))).toEqual([
      "the program never finished (its top level was still waiting when the run stopped)",
    ]);
    const rejected = observed(['a'], 0, { settled: { state: 'rejected', at: 0, seq: 1, error: { name: 'Error', message: 'no' } } });
    expect(runProblems(rejected)).toEqual(["the program's top level rejected: Error: no"]);
  });
});

describe('durations, counts, shuffles, props', () => {
  test.each([
    ['about 1 s', 1000],
    ['3 seconds', 3000],
    ['1.5 s', 1500],
    ['500 ms', 500],
    ['0 s', 0],
    ['instantly', 0],
    ['about 2 minutes', 120_000],
    ['soon', undefined],
  ])('parseDuration(%j) = %s', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  test('a duration matches within 5 % or 50 ms', () => {
    expect(durationMatches(1040, 1000)).toBe(true);
    expect(durationMatches(1100, 1000)).toBe(false);
    expect(durationMatches(40, 0)).toBe(true);
  });

  test.each([
    ['none', 0],
    ['no lines', 0],
    ['one line', 1],
    ['three lines', 3],
    ['12 lines', 12],
    ['lots', undefined],
  ])('parseCount(%j) = %s', (text, n) => {
    expect(parseCount(text)).toBe(n);
  });

  test('two lines always come out swapped; a single repeated line is refused', () => {
    expect(shuffleLines(['a', 'b'])).toEqual(['b', 'a']);
    expect(() => shuffleLines(['a', 'a'])).toThrow(PredictError);
  });

  test('props: order by default, choice when options are given, clear errors otherwise', () => {
    expect(predictSpecFromProps({})).toEqual({ kind: 'order' });
    expect(predictSpecFromProps({ answer: 'elapsed', options: ['1 s', '2 s'] })).toEqual(choice('elapsed', ['1 s', '2 s']));
    expect(() => predictSpecFromProps({ kind: 'choice', options: ['a', 'b'] }, 'P')).toThrow(/P: kind="choice" needs answer= one of output, first-line/);
    expect(() => predictSpecFromProps({ kind: 'choice', answer: 'output' }, 'P')).toThrow(/needs options=/);
    expect(() => predictSpecFromProps({ kind: 'order', answer: 'output' }, 'P')).toThrow(/takes no options or answer/);
    expect(() => predictSpecFromProps({ kind: 'quiz' }, 'P')).toThrow(/kind must be "order" or "choice"/);
  });

  test('ids: snippet path, plus the rule for a choice, unless given', () => {
    expect(predictId('event-loop/order.ts', { kind: 'order' })).toBe('event-loop/order');
    expect(predictId('content/snippets/a/b.ts', choice('elapsed', []))).toBe('a/b#elapsed');
    expect(predictId('a/b.ts', { kind: 'order' }, 'mine')).toBe('mine');
  });
});

// ---- Grading, in the browser ----

describe('grading', () => {
  test('counts the lines in place and says so', () => {
    const grade = gradeOrder(['b', 'a', 'c'], ['a', 'b', 'c']);
    expect(grade).toEqual({ correct: false, inPlace: 1, total: 3 });
    expect(orderFeedback(grade)).toBe('Not quite: 1 of 3 lines is in the right place. Move lines and check again.');
    expect(orderFeedback(gradeOrder(['a', 'b'], ['a', 'b']))).toMatch(/^Correct/);
    expect(choiceFeedback(false)).toMatch(/^Not quite/);
  });

  test('a saved ordering is used only if it still has the same lines', () => {
    expect(isPermutation(['b', 'a'], ['a', 'b'])).toBe(true);
    expect(isPermutation(['a', 'a'], ['a', 'b'])).toBe(false);
    expect(isPermutation(['a'], ['a', 'b'])).toBe(false);
    expect(isPermutation([1, 2], ['a', 'b'])).toBe(false);
  });
});

// ---- The saved-answer store ----

// ---- Reading tags from MDX ----

describe('findTags', () => {
  const mdx = [
    "import Predict from '../x.astro';",
    '',
    'Text with `<Predict src="inline-code.ts" />` in it.',
    '',
    '```mdx',
    '<Predict src="in-a-fence.ts" />',
    '```',
    '',
    '<Predict',
    '  src="a/b.ts"',
    "  question='Which \"one\"?'",
    '  kind="choice"',
    '  answer="elapsed"',
    '  options={["about 1 s", `about 3 s`, "a\\nb"]}',
    '  count={-2}',
    '  showCode',
    '>',
    '  The explanation, with {braces}.',
    '</Predict>',
    '<Predict src="c.ts" question="Order?" />',
  ].join('\n');

  test('reads string, expression and boolean attributes, skipping code', () => {
    const tags = findTags(mdx, 'Predict', 'x.mdx');
    expect(tags).toEqual([
      {
        name: 'Predict',
        line: 9,
        attrs: {
          src: 'a/b.ts',
          question: 'Which "one"?',
          kind: 'choice',
          answer: 'elapsed',
          options: ['about 1 s', 'about 3 s', 'a\nb'],
          count: -2,
          showCode: true,
        },
      },
      { name: 'Predict', line: 20, attrs: { src: 'c.ts', question: 'Order?' } },
    ]);
  });

  test('does not confuse a longer component name', () => {
    expect(findTags('<PredictMore src="x" />', 'Predict')).toEqual([]);
  });

  test('refuses attribute expressions it cannot evaluate', () => {
    expect(() => findTags('<Predict options={makeOptions()} />', 'Predict', 'y.mdx')).toThrow(/y\.mdx:1 <Predict> options=: attribute expressions must be static/);
  });
});
