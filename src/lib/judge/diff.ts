/** A line diff (longest common subsequence): small inputs, exact result. */

export interface DiffLine {
  /** ' ' in both, '-' expected but missing, '+' printed but not expected. */
  op: ' ' | '-' | '+';
  text: string;
  /**
   * The same line is on the other side too, at another place: a '-' line
   * that was printed 'later' (or 'earlier') than expected, or a '+' line
   * that was expected there. Absent when the line is truly missing or extra.
   */
  moved?: 'earlier' | 'later';
}

export function lineDiff(expected: readonly string[], actual: readonly string[]): DiffLine[] {
  const n = expected.length;
  const m = actual.length;
  // Output is capped near a thousand lines, so an (n+1)(m+1) table stays small.
  const table: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i][j] = expected[i] === actual[j] ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
    }
  }
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (expected[i] === actual[j]) {
      out.push({ op: ' ', text: expected[i] });
      i++;
      j++;
    } else if (table[i + 1][j] >= table[i][j + 1]) {
      out.push({ op: '-', text: expected[i++] });
    } else {
      out.push({ op: '+', text: actual[j++] });
    }
  }
  while (i < n) out.push({ op: '-', text: expected[i++] });
  while (j < m) out.push({ op: '+', text: actual[j++] });
  return markMoves(out);
}

/**
 * Pairs each '-' line with a '+' line of the same text, in order: that line
 * was printed, only not where it was expected. Said as "printed later" rather
 * than "expected but not printed", which would be false.
 */
function markMoves(diff: DiffLine[]): DiffLine[] {
  const extras = new Map<string, number[]>();
  diff.forEach((d, index) => {
    if (d.op === '+') extras.set(d.text, [...(extras.get(d.text) ?? []), index]);
  });
  diff.forEach((d, index) => {
    if (d.op !== '-') return;
    const match = extras.get(d.text)?.shift();
    if (match === undefined) return;
    d.moved = match > index ? 'later' : 'earlier';
    diff[match]!.moved = match > index ? 'later' : 'earlier';
  });
  return diff;
}
