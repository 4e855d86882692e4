import { describe, expect, test } from 'vitest';
import {
  lessonSchema,
  lessonSlug,
  orderLessons,
  SECTIONS,
  type LessonData,
} from '../src/lib/content/lesson-schema.ts';

const good: LessonData = {
  title: 'Why async? Programs that wait',
  summary: 'Most programs spend their time waiting; async code lets them do something useful meanwhile.',
  section: 'introduction',
  order: 1,
};

/** The dotted paths of the fields an invalid frontmatter is rejected for. */
function rejectedFields(data: unknown): string[] {
  const result = lessonSchema.safeParse(data);
  expect(result.success).toBe(false);
  return result.error!.issues.map((issue) => issue.path.join('.') || String((issue as { keys?: string[] }).keys));
}

describe('lesson schema', () => {
  test('accepts a good lesson', () => {
    expect(lessonSchema.parse(good)).toEqual(good);
  });

  test.each(SECTIONS)('accepts section %s', (section) => {
    expect(lessonSchema.safeParse({ ...good, section }).success).toBe(true);
  });

  test.each([
    ['title', { ...good, title: undefined }],
    ['title', { ...good, title: '   ' }],
    ['summary', { ...good, summary: undefined }],
    ['summary', { ...good, summary: 'first line\nsecond line' }],
    ['section', { ...good, section: 'asyncio' }],
    ['order', { ...good, order: 1.5 }],
    ['order', { ...good, order: '1' }],
    ['order', { ...good, order: 0 }],
    ['summery', { ...good, summery: 'a typo for summary' }],
  ])('rejects a bad %s, naming the field', (field, data) => {
    expect(rejectedFields(data)).toContain(field);
    // The message Astro prints includes the path, so the learner sees the field.
    const message = lessonSchema.safeParse(data).error!.message;
    expect(message).toContain(field);
  });

  test('documents every field', () => {
    for (const [name, field] of Object.entries(lessonSchema.shape)) {
      expect(field.description, name).toMatch(/\w{3,}/);
    }
  });
});

describe('lesson slugs and order', () => {
  test.each([
    ['content/lessons/01-introduction.mdx', 'introduction'],
    ['content/lessons/04-event-loop.mdx', 'event-loop'],
    ['12-timeouts-and-cancellation.mdx', 'timeouts-and-cancellation'],
  ])('%s → %s', (file, slug) => {
    expect(lessonSlug(file)).toBe(slug);
  });

  test.each(['content/lessons/introduction.mdx', 'content/lessons/1-intro.mdx', 'content/lessons/01-Intro.mdx'])(
    'rejects the file name %s',
    (file) => {
      expect(() => lessonSlug(file)).toThrow(file);
    },
  );

  const entry = (file: string, order: number) => ({
    id: file.replace(/\.mdx$/, ''),
    filePath: `content/lessons/${file}`,
    data: { ...good, order },
  });

  test('sorts lessons by order and adds slugs', () => {
    const lessons = orderLessons([entry('02-coroutines.mdx', 2), entry('01-introduction.mdx', 1)]);
    expect(lessons.map((l) => l.slug)).toEqual(['introduction', 'coroutines']);
  });

  test('a duplicate order fails, naming both files', () => {
    expect(() => orderLessons([entry('01-introduction.mdx', 1), entry('02-coroutines.mdx', 1)])).toThrow(
      /content\/lessons\/01-introduction\.mdx and content\/lessons\/02-coroutines\.mdx/,
    );
  });

  test('a duplicate slug fails, naming both files', () => {
    expect(() => orderLessons([entry('01-intro.mdx', 1), entry('02-intro.mdx', 2)])).toThrow(/01-intro\.mdx and .*02-intro\.mdx/);
  });
});
