/**
 * Teacher's explanations of crashes (src/lib/harness/crash-cause.ts): given
 * only when the code proves the cause, never for a look-alike.
 */
import { describe, expect, test } from 'vitest';
import { closestName, explainTypeError, parseLearnerCode } from '../src/lib/harness/crash-cause.ts';

const explain = (source: string, line: number) => explainTypeError(parseLearnerCode(source), { name: 'TypeError', line });

describe('an un-awaited promise used as its value', () => {
  test('a method read from a Promise.all result names the variable and the fix', () => {
    const code = ['const results = Promise.all([a(), b()]);', "console.log(results.join(', '));"].join('\n');
    expect(explain(code, 2)).toContain('`results` is a Promise here: `Promise.all` returns one (line 1)');
    expect(explain(code, 2)).toContain('Did you mean `await Promise.all(…)`?');
  });

  test('destructuring the call itself', () => {
    expect(explain('const [x, y] = Promise.all([a(), b()]);', 1)).toContain('Did you mean `await Promise.all(…)`?');
  });

  test('a for…of over the result of an async function of the learner', () => {
    const code = ['async function load() { return [1]; }', 'const items = load();', 'for (const i of items) console.log(i);'].join('\n');
    expect(explain(code, 3)).toContain('`items` is a Promise here: `load(…)` (an async function) returns one');
  });

  test('awaited, reassigned or unknown values are not explained', () => {
    expect(explain(['const results = await Promise.all([a()]);', 'results.join();'].join('\n'), 2)).toBeUndefined();
    expect(explain(['let results = Promise.all([a()]);', 'results = [];', 'results.join();'].join('\n'), 3)).toBeUndefined();
    expect(explain(['const results = makeThings();', 'results.join();'].join('\n'), 2)).toBeUndefined();
    // `.then` is a Promise's own method: not this mistake.
    expect(explain(['const p = Promise.all([a()]);', 'p.then(x => x.nope());'].join('\n'), 2)).toBeUndefined();
  });

  test('only a TypeError on a known line is explained', () => {
    const tree = parseLearnerCode(['const r = Promise.all([]);', 'r.join();'].join('\n'));
    expect(explainTypeError(tree, { name: 'RangeError', line: 2 })).toBeUndefined();
    expect(explainTypeError(tree, { name: 'TypeError' })).toBeUndefined();
  });
});

test('a function used as its result', () => {
  const code = ["import { operation } from '@course/helpers';", 'operation.then(() => 1);'].join('\n');
  expect(explain(code, 2)).toContain('Did you mean to call it, `operation()`?');
});

test('closestName offers a near miss only', () => {
  expect(closestName('brewCofee', ['sleep', 'blockFor', 'brewCoffee'])).toBe('brewCoffee');
  expect(closestName('fetchEverything', ['sleep', 'blockFor', 'brewCoffee'])).toBeUndefined();
});
