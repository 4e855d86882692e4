import { describe, expect, test } from 'vitest';
import { courseStatus, lessonItems, lessonStatus } from '../src/lib/progress/lesson-items.ts';
import { emptyProgress } from '../src/lib/progress/schema.ts';
import { lessonSources } from '../src/lib/snippets/files.ts';

const mdx = `
# A lesson

\`\`\`mdx
<Exercise id="not-this-one" />
\`\`\`

<Predict src="tasks/order.ts" question="What prints?" />
<Predict src="tasks/choice.ts" question="Which?" options={["a", "b"]} answer="last-line" />
<Predict src="x.ts" id="given-id" question="Q" />
<Exercise id="run-concurrently" untitled level={3} />
<Exercise id="run-concurrently" />
`;

describe('lessonItems', () => {
  test('finds exercises and questions with the ids the islands save under, skipping code blocks and repeats', () => {
    expect(lessonItems(mdx)).toEqual({
      exercises: ['run-concurrently'],
      questions: ['tasks/order', 'tasks/choice#last-line', 'given-id'],
    });
  });

  test('a lesson with neither has no items', () => {
    expect(lessonItems('Just prose.')).toEqual({ exercises: [], questions: [] });
  });

  test('every lesson of the course reads, and the tasks lesson has its exercise', () => {
    const all = lessonSources().map(({ file, source }) => ({ file, items: lessonItems(source, file) }));
    expect(all.length).toBeGreaterThan(3);
    expect(all.find((l) => l.file.includes('tasks'))?.items.exercises).toContain('run-concurrently');
  });
});

describe('lessonStatus and courseStatus', () => {
  const items = { exercises: ['a', 'b'], questions: ['q'] };
  const at = '2025-01-01T00:00:00.000Z';
  test.each([
    ['nothing done', {}, {}, { done: 0, total: 3, complete: false }],
    ['one pass, one right answer', { a: { passed: true, updatedAt: at } }, { q: { answer: 'x', correct: true, answeredAt: at } }, { done: 2, total: 3, complete: false }],
    ['a wrong answer does not count', { a: { passed: true, updatedAt: at }, b: { passed: true, updatedAt: at } }, { q: { answer: 'x', correct: false, answeredAt: at } }, { done: 2, total: 3, complete: false }],
    ['all done', { a: { passed: true, updatedAt: at }, b: { passed: true, updatedAt: at } }, { q: { answer: 'x', correct: true, answeredAt: at } }, { done: 3, total: 3, complete: true }],
  ])('%s', (_name, exercises, quizzes, expected) => {
    const progress = { ...emptyProgress(), exercises, quizzes };
    expect(lessonStatus(items, progress)).toEqual(expected);
  });

  test('a lesson without items is complete once read to its end, not when only opened', () => {
    const read = { ...emptyProgress(), lessons: { intro: { visitedAt: at, readAt: at } } };
    const opened = { ...emptyProgress(), lessons: { intro: { visitedAt: at } } };
    expect(lessonStatus({ exercises: [], questions: [] }, read, 'intro').complete).toBe(true);
    expect(lessonStatus({ exercises: [], questions: [] }, opened, 'intro').complete).toBe(false);
    expect(lessonStatus({ exercises: [], questions: [] }, emptyProgress(), 'intro').complete).toBe(false);
  });

  test('the course sums its lessons', () => {
    const progress = { ...emptyProgress(), exercises: { a: { passed: true, updatedAt: at } } };
    expect(courseStatus([items, { exercises: ['c'], questions: [] }], progress)).toEqual({ done: 1, total: 4 });
  });
});
