/**
 * The "Types" check: TypeScript's verdict on the learner's code, reported
 * beside the behavioural checks. A type error never hides them (they ran on
 * the same code), but "All checks passed" needs the code to type-check.
 * Pure, and small, because the page's editor island carries it: the
 * diagnostics come from the caller (the editor's worker in the page,
 * src/lib/typecheck/node-files.ts in the CLI), so both agree.
 */
import { summaryOf, type CheckResult, type Verdict } from './verdict.ts';

export const TYPES_CHECK_ID = 'types';
const TYPES_CHECK_TITLE = 'Types: your code type-checks';

/** What the Types check needs of a diagnostic (src/lib/typecheck/service.ts's TypeDiagnostic fits). */
export interface TypeProblem {
  line: number;
  column: number;
  severity: 'error' | 'warning';
  message: string;
}

/** At most this many errors are spelled out; the editor underlines them all. */
const SHOWN = 5;

/**
 * The verdict with the Types check added after "runs" (the first check).
 * `diagnostics` undefined means the types could not be checked (the
 * checker didn't load): the verdict is returned as it is.
 */
export function withTypesCheck(verdict: Verdict, diagnostics: readonly TypeProblem[] | undefined): Verdict {
  if (!diagnostics) return verdict;
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const check: CheckResult = { id: TYPES_CHECK_ID, title: TYPES_CHECK_TITLE, passed: errors.length === 0, message: typesMessage(errors) };
  const others = verdict.checks.filter((c) => c.id !== TYPES_CHECK_ID);
  const checks = [...others.slice(0, 1), check, ...others.slice(1)];
  return {
    ...verdict,
    passed: checks.every((c) => c.passed),
    checks,
    summary: summaryOf(checks),
  };
}

/**
 * What the page shows while the type checker is still starting (the first
 * Check on a fresh page can wait seconds for it): the behaviour's verdict so
 * far, not passed, and a summary saying Types is still to come. It is never
 * recorded or announced; the full verdict replaces it.
 */
export function awaitingTypes(verdict: Verdict): Verdict {
  const others = verdict.summary.charAt(0).toLowerCase() + verdict.summary.slice(1);
  return { ...verdict, passed: false, summary: `TypeScript is still checking the types (the other checks: ${others})` };
}

function typesMessage(errors: readonly TypeProblem[]): string {
  if (errors.length === 0) return 'TypeScript finds no errors in your code.';
  const lines = errors.slice(0, SHOWN).map((e) => `Line ${e.line}: ${e.message}`);
  if (errors.length > SHOWN) lines.push(`…and ${errors.length - SHOWN} more (underlined in the editor).`);
  const count = errors.length === 1 ? 'an error' : `${errors.length} errors`;
  return `TypeScript finds ${count} in your code:\n${lines.join('\n')}`;
}
