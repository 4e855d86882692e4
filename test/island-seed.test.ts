import { expect, test } from 'vitest';
import { seedFor as pageSeed } from '../src/islands/seed.ts';
import { seedFor as cliSeed } from '../src/lib/node/check-file.ts';

// The page's copy must stay the CLI's function, or Check would generate other cases than the CLI.
test.each(['', 'a', 'export async function main() {}\n', 'é ☕ 𝄞', 'x'.repeat(10_000), 'line\r\nline\n'])('same seed as the CLI for %j', (source) => {
  expect(pageSeed(source)).toBe(cliSeed(source));
});
