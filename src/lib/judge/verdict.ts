import type { Json } from '../harness/observation.ts';
import type { DiffLine } from './diff.ts';

export interface CheckResult {
  id: string;
  title: string;
  passed: boolean;
  /**
   * For a learner: what went wrong and the likely mistake, or a note on a pass.
   * May hold Markdown-style `code` spans in backticks (the page shows them as code).
   */
  message: string;
  expected?: Json;
  actual?: Json;
  /** For output checks: expected against printed, line by line. */
  diff?: DiffLine[];
  /**
   * Set when this check was not run because an earlier one stopped it: the id
   * of that check. A skipped check has `passed: false` (the exercise is not
   * solved) but is not a failure of its own: it is counted and shown apart.
   */
  skippedBecause?: string;
  /** The raw text behind a teacher's message (the engine's error), shown one click away. */
  detail?: string;
}

export interface Verdict {
  exercise: string;
  passed: boolean;
  checks: CheckResult[];
  /** One line: "All checks passed", "2 of 6 checks failed" or "1 of 6 checks failed, 5 skipped". */
  summary: string;
}

/** The summary line: failures counted, skipped checks counted apart. */
export function summaryOf(checks: readonly CheckResult[]): string {
  const failed = checks.filter((c) => !c.passed && !c.skippedBecause).length;
  const skipped = checks.filter((c) => !c.passed && c.skippedBecause).length;
  if (failed === 0 && skipped === 0) return 'All checks passed';
  return `${failed} of ${checks.length} checks failed${skipped ? `, ${skipped} skipped` : ''}`;
}
