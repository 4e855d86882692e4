import type { Json } from '../harness/observation.ts';
import type { DiffLine } from './diff.ts';

export interface CheckResult {
  id: string;
  title: string;
  passed: boolean;
  /** For a learner: what went wrong and the likely mistake, or a note on a pass. */
  message: string;
  expected?: Json;
  actual?: Json;
  /** For output checks: expected against printed, line by line. */
  diff?: DiffLine[];
  /** Not run: the id of the check whose failure made this one meaningless. Shown as skipped, under that check. */
  skippedBecause?: string;
  /** The runtime's own words (e.g. a raw TypeError), kept one click away behind the teacher's message. */
  detail?: string;
}

export interface Verdict {
  exercise: string;
  passed: boolean;
  checks: CheckResult[];
  /** One line: "All checks passed" or "2 of 6 checks failed". */
  summary: string;
}
