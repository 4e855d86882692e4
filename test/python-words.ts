/**
 * A Python learner reads Python. The exercises' checks are written once, in
 * TypeScript's words, and `inPythonWords` (src/lib/python/exercise.ts)
 * rewrites the phrases where the language matters. When a check's message
 * is reworded, a phrase can stop matching and TypeScript leaks through to a
 * Python learner. test/python-exercises.test.ts looks for these words in
 * every check of every Python fixture's verdict, on the runs it makes anyway.
 */
import type { Verdict } from '../src/lib/judge/verdict.ts';

/** Words that only make sense in TypeScript (or JavaScript), each with why it is wrong in Python. */
export const TYPESCRIPT_ONLY: Array<[RegExp, string]> = [
  [/\bPromise\b|\bpromises?\b/i, 'Python has coroutines, tasks and futures, not promises'],
  [/\.then\(|\.catch\(|\.finally\(/, 'promise methods'],
  // "Thrown away" is English, not JavaScript.
  [/\bthrow(s|n)?\b(?! away)/, 'Python raises'],
  [/\bundefined\b|\bnull\b/, 'Python has None'],
  [/=>/, 'an arrow function'],
  [/\bconst\b/, 'a TypeScript declaration'],
  [/\bexport(ed|s)?\b/i, 'a Python answer defines a function; nothing is exported'],
  [/\basync function\b/, 'Python writes `async def`'],
  [/\bfetch\(|`fetch`|response\.ok\b/, 'the browser\'s fetch'],
  [/\bAbort(Signal|Controller)\b|\bsignal\b|\.abort\(/, 'Python cancels a task; it has no abort signal'],
  [/\b(set|clear)(Timeout|Interval)\b/, 'JavaScript timers'],
  [/\bforEach\b|\.map\(/, 'array methods'],
  [/@course\/helpers/, 'Python imports from `course`'],
  [/\b(makeBreakfast|fetchAll|mapLimit|withTimeout|brewCoffee|toastBread|fryEggs|blockFor)\b/, 'a camelCase name; Python\'s is snake_case'],
  [/\bCannot read properties\b|\bis not a function\b|\bReferenceError\b/, 'a JavaScript engine\'s error'],
];

/** The TypeScript-only words in a text, each with its reason. */
export function typescriptWordsIn(text: string): string[] {
  return TYPESCRIPT_ONLY.flatMap(([pattern, why]) => {
    const found = text.match(pattern);
    return found ? [`"${found[0]}" (${why})`] : [];
  });
}

/** Every TypeScript-only word in a verdict's titles, messages and skip reasons, each saying where. */
export function typescriptLeaks(verdict: Verdict): string[] {
  return verdict.checks.flatMap((c) =>
    [c.title, c.message, ...(c.skippedBecause ? [c.skippedBecause] : [])].flatMap((text) => typescriptWordsIn(text).map((w) => `${c.id}: ${w} in "${text}"`)),
  );
}
