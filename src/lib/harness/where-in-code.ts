/**
 * Where in the learner's code, as every message says it. A module of its own,
 * with no imports, so the page's results chunk and the judge can use it
 * without pulling in the harness (format.ts brings SES with it).
 */

/** ` (line 4, column 7)`, ` (line 4)`, or nothing without a line. */
export function whereInCode(position: { line?: number; column?: number } | undefined): string {
  if (!position?.line) return '';
  return position.column ? ` (line ${position.line}, column ${position.column})` : ` (line ${position.line})`;
}
