/**
 * Check's seed: the same function of the code as the CLI's `seedFor`
 * (src/lib/node/check-file.ts → hashString in the harness), so the page and
 * the CLI generate the same cases and give the same verdict. A copy, because
 * importing the harness module here would pull the whole harness into the
 * editor island; test/island-seed.test.ts keeps the two equal.
 */
export function seedFor(source: string): number {
  let h = 2166136261;
  for (let i = 0; i < source.length; i++) {
    h ^= source.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}
