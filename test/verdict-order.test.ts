/**
 * The verdict's story (src/lib/judge/judge.ts): skipped checks are not
 * failures, one syntax error is one problem, no message is said twice, and an
 * error escaping `main` never sits beside "runs to the end — passed".
 */
import { describe, expect, test } from 'vitest';
import { checkSource } from '../src/lib/node/check-file.ts';
import { summaryOf } from '../src/lib/judge/verdict.ts';

describe('the verdict', () => {
  test('a missing } is one problem: the other checks are skipped because of it', async () => {
    const { verdict } = await checkSource('first-coroutine', 'export async function main() {\n  console.log("Starting");\n');
    const failed = verdict.checks.filter((c) => !c.passed && !c.skippedBecause);
    expect(failed.map((c) => c.id)).toEqual(['runs', 'types']);
    const behavioural = verdict.checks.filter((c) => c.id !== 'runs' && c.id !== 'types');
    expect(behavioural.every((c) => c.skippedBecause === 'runs')).toBe(true);
    expect(verdict.summary).toMatch(/^2 of \d+ checks failed, \d+ skipped$/);
  });

  test('an error escaping main fails "runs", with the error named', async () => {
    const { verdict } = await checkSource('first-coroutine', "export async function main() {\n  console.log('Starting');\n  throw new Error('disk full');\n}\n");
    const runs = verdict.checks.find((c) => c.id === 'runs')!;
    expect(runs.passed).toBe(false);
    expect(runs.message).toContain('`main` failed: Error: disk full');
  });

  test('"runs" comes first, then failures, then skipped checks, then passes', async () => {
    const { verdict } = await checkSource('first-coroutine', "import { operation } from '@course/helpers';\nexport async function main() {\n  console.log('Starting');\n  await operation;\n  console.log('Finished');\n}\n");
    const rank = (c: { passed: boolean; skippedBecause?: string }) => (c.passed ? 2 : c.skippedBecause ? 1 : 0);
    const rest = verdict.checks.slice(1).filter((c) => c.id !== 'types').map(rank);
    expect(verdict.checks[0].id).toBe('runs');
    expect(rest).toEqual([...rest].sort());
    const messages = verdict.checks.filter((c) => !c.passed && !c.skippedBecause).map((c) => c.message);
    expect(new Set(messages).size).toBe(messages.length);
  });

  test('the summary counts failures and skipped checks apart', () => {
    const check = (passed: boolean, skippedBecause?: string) => ({ id: 'x', title: 'x', passed, message: '', ...(skippedBecause ? { skippedBecause } : {}) });
    expect(summaryOf([check(true), check(true)])).toBe('All checks passed');
    expect(summaryOf([check(false), check(true)])).toBe('1 of 2 checks failed');
    expect(summaryOf([check(false), check(false, 'runs'), check(false, 'runs')])).toBe('1 of 3 checks failed, 2 skipped');
  });
});
