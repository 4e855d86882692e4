/** A line diff (longest common subsequence): small inputs, exact result. */

export interface DiffLine {
  /** ' ' in both, '-' expected but missing, '+' printed but not expected. */
  op: ' ' | '-' | '+';
  text: string;
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
  return out;
}
