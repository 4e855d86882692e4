/**
 * The pace of every lesson (issue 15 §5): none is longer than about 1,800
 * words, and each asks the learner something checked (a Predict question or
 * an Exercise) in its first half, before the reading piles up. Words are
 * counted in the MDX body after the frontmatter; code lives in snippet
 * files, so it isn't counted.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

const DIR = join(import.meta.dirname, '..', 'content', 'lessons');
const MAX_WORDS = 1800;

const lessons = readdirSync(DIR)
  .filter((f) => f.endsWith('.mdx'))
  .sort()
  .map((file) => {
    const source = readFileSync(join(DIR, file), 'utf8');
    const body = source.replace(/^---\n[\s\S]*?\n---\n/, '');
    return { file, body };
  });

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

describe.each(lessons)('$file', ({ body }) => {
  test(`has at most ${MAX_WORDS} words`, () => {
    expect(words(body)).toBeLessThanOrEqual(MAX_WORDS);
  });

  test('asks a checked question or sets an exercise in its first half', () => {
    const first = body.search(/<(Predict|Exercise)\b/);
    expect(first, 'a <Predict> or <Exercise> somewhere').toBeGreaterThanOrEqual(0);
    expect(words(body.slice(0, first))).toBeLessThan(words(body) / 2);
  });
});

test('there are lessons to pace', () => {
  expect(lessons.length).toBeGreaterThan(10);
});
