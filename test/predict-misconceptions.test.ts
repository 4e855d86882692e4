import { describe, expect, test } from 'vitest';
import { misconceptions } from '../src/lib/predict/misconceptions.ts';
import { matchingMisconception, orderFeedbackWithReason, readMisconceptions } from '../src/lib/predict/feedback.ts';
import { gradeOrder } from '../src/lib/snippets/grade.ts';
import { observeProgram } from '../src/lib/node/observe-program.ts';

const executor = `console.log('before');
const ready = new Promise<string>((resolve) => {
  console.log('executor runs');
  resolve('done');
  console.log('executor ends');
});
ready.then((value) => console.log(\`then: \${value}\`));
console.log('after');
`;

const loopOrder = `setTimeout(() => console.log('timeout'), 0);
Promise.resolve().then(() => console.log('promise'));
async function work() {
  console.log('work starts');
  await null;
  console.log('work resumes');
}
work();
console.log('sync end');
`;

/** The snippet's real run: its lines and the phase each ran in. */
async function run(source: string) {
  const observation = await observeProgram(source, { budgetMs: 30_000 });
  return observation.scenarios[0]!.logs;
}

describe('wrong models of the event loop, simulated on a snippet', () => {
  test('a Promise executor: top to bottom, and Python (no executor runs at once)', async () => {
    const lines = await run(executor);
    expect(lines.map((l) => l.text)).toEqual(['before', 'executor runs', 'executor ends', 'after', 'then: done']);
    const models = misconceptions(executor, lines);
    expect(Object.fromEntries(models.map((m) => [m.id, m.order]))).toEqual({
      'in-sequence': ['before', 'executor runs', 'executor ends', 'then: done', 'after'],
      'python-lazy': ['before', 'after', 'executor runs', 'executor ends', 'then: done'],
    });
    // The reason names what this snippet has (an executor), not what it hasn't (an async function).
    const python = models.find((m) => m.id === 'python-lazy')!;
    expect(python.why).toMatch(/`new Promise` runs its executor at once/);
    expect(python.why).not.toMatch(/async function runs/);
  }, 60_000);

  test('timers, promises and an async function: each model gives its own order', async () => {
    const lines = await run(loopOrder);
    expect(lines.map((l) => l.text)).toEqual(['work starts', 'sync end', 'promise', 'work resumes', 'timeout']);
    const byId = Object.fromEntries(misconceptions(loopOrder, lines).map((m) => [m.id, m.order]));
    expect(byId['in-sequence']).toEqual(['timeout', 'promise', 'work starts', 'work resumes', 'sync end']);
    expect(byId['timers-first']).toEqual(['work starts', 'sync end', 'timeout', 'promise', 'work resumes']);
    expect(byId['python-lazy']).toEqual(['sync end', 'work starts', 'promise', 'work resumes', 'timeout']);
  }, 60_000);

  test('a line that cannot be traced to its console call gives no model (no guessing)', () => {
    expect(misconceptions('const x = "a"; console.log(x);', [{ text: 'a', phase: 'sync' }])).toEqual([]);
  });
});

describe('the feedback names the model that produces the answer', () => {
  const models = misconceptions(executor, [
    { text: 'before', phase: 'sync' },
    { text: 'executor runs', phase: 'sync' },
    { text: 'executor ends', phase: 'sync' },
    { text: 'after', phase: 'sync' },
    { text: 'then: done', phase: 'microtask' },
  ]);
  const expected = ['before', 'executor runs', 'executor ends', 'after', 'then: done'];

  test('the Python order is recognised as Python', () => {
    const answer = ['before', 'after', 'executor runs', 'executor ends', 'then: done'];
    expect(matchingMisconception(answer, models)?.id).toBe('python-lazy');
    expect(orderFeedbackWithReason(gradeOrder(answer, expected), answer, models)).toMatch(/^Not quite: that is the order you get by Python's model/);
  });

  test('the "runs in sequence" order is recognised as reading top to bottom, with a different reason', () => {
    const answer = ['before', 'executor runs', 'executor ends', 'then: done', 'after'];
    const text = orderFeedbackWithReason(gradeOrder(answer, expected), answer, models);
    expect(text).toMatch(/reading the code top to bottom/);
    expect(text).not.toMatch(/Python/);
  });

  test('any other wrong order still gets the count, and a right one "Correct"', () => {
    const answer = ['after', 'before', 'executor runs', 'executor ends', 'then: done'];
    expect(orderFeedbackWithReason(gradeOrder(answer, expected), answer, models)).toMatch(/^Not quite: \d of 5 lines/);
    expect(orderFeedbackWithReason(gradeOrder(expected, expected), expected, models)).toMatch(/^Correct/);
  });

  test('the page reads the models strictly', () => {
    expect(readMisconceptions(JSON.stringify(models))).toEqual(models);
    expect(readMisconceptions('{"x":1}')).toEqual([]);
    expect(readMisconceptions('not json')).toEqual([]);
    expect(readMisconceptions(JSON.stringify([{ name: 1 }]))).toEqual([]);
  });
});
