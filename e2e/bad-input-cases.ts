/**
 * The bad input a learner can type, shared by the browser test that proves
 * each ends with a clear message (e2e/bad-input.alone.spec.ts) and the bench
 * that measures the page's longest main-thread task meanwhile
 * (scripts/bench/long-tasks.ts): times are figures, not test assertions.
 */
export const BAD_INPUT_EXERCISE = 'first-coroutine';

const main = (body: string) => `export async function main(): Promise<void> {\n${body}\n}\n`;

export interface BadInputCase {
  name: string;
  code: string;
  /** What the output says at the end. */
  says: RegExp;
  /** Text that must not appear (leaked data). */
  never?: string;
}

export const BAD_INPUT_CASES: BadInputCase[] = [
  { name: 'an infinite loop (sync)', code: main("  console.log('spinning');\n  while (true) {}"), says: /was stopped/ },
  { name: 'an infinite loop (async)', code: main("  console.log('spinning');\n  while (true) { await Promise.resolve(); }"), says: /was stopped|stopped/ },
  { name: 'runaway recursion', code: "function down(n: number): number { return down(n + 1) + 1; }\n" + main('  console.log(down(0));'), says: /call stack|Maximum call stack|recursion/i },
  { name: '1,000,000 console lines', code: main('  for (let i = 1; i <= 1_000_000; i++) console.log(`line ${i}`);'), says: /Output was cut/ },
  { name: 'a 50 MB string', code: main("  const big = 'x'.repeat(50 * 1024 * 1024);\n  console.log(big.length);\n  console.log(big);"), says: /52428800/ },
  { name: 'a syntax error', code: main("  console.log('unclosed'\n"), says: /Syntax error/ },
  { name: 'a throw of undefined', code: main('  throw undefined;'), says: /undefined/ },
  { name: 'an unhandled rejection', code: main("  Promise.reject(new Error('nobody waits for me'));\n  console.log('carried on');"), says: /nobody waits for me/ },
  { name: 'a promise that never settles', code: main("  console.log('waiting forever');\n  await new Promise<void>(() => {});"), says: /never|settle|finished|was stopped/i },
  { name: 'process.exit(1)', code: main("  console.log('leaving');\n  (globalThis as any).process.exit(1);"), says: /exit|process/i },
  { name: 'reading localStorage', code: main("  console.log(localStorage.getItem('secret'));"), says: /localStorage is not defined/, never: 'hunter2' },
  { name: 'reading document.cookie', code: main('  console.log(document.cookie);'), says: /document is not defined/, never: 'hunter2' },
  { name: 'reading parent.document', code: main('  console.log(parent.document.title);'), says: /parent is not defined/, never: 'hunter2' },
  { name: 'fetching another origin', code: main("  console.log(await (await fetch('https://example.com/')).text());"), says: /has no network/ },
];
