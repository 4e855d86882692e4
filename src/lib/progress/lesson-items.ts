/**
 * What a lesson asks of the learner, read from its MDX at build time: the
 * exercises (`<Exercise id>`) and the predict-the-output questions
 * (`<Predict>`), with the same ids the islands save progress under. The
 * course map counts "done" against these.
 */
import { findTags } from '../snippets/mdx-tags.ts';
import { predictId, predictSpecFromProps } from '../snippets/answers.ts';
import type { Progress } from './schema.ts';

interface LessonItems {
  /** Exercise ids, in page order. */
  exercises: string[];
  /** Question ids (as Predict saves them), in page order. */
  questions: string[];
}

export function lessonItems(mdx: string, file = 'mdx'): LessonItems {
  const exercises = findTags(mdx, 'Exercise', file)
    .map((tag) => tag.attrs.id)
    .filter((id): id is string => typeof id === 'string');
  const questions = findTags(mdx, 'Predict', file).map((tag) => {
    const where = `${file}:${tag.line} <Predict>`;
    const src = tag.attrs.src;
    if (typeof src !== 'string') throw new Error(`${where}: src must be a string`);
    const given = typeof tag.attrs.id === 'string' ? tag.attrs.id : undefined;
    return predictId(src, predictSpecFromProps(tag.attrs, where), given);
  });
  return { exercises: unique(exercises), questions: unique(questions) };
}

interface LessonStatus {
  done: number;
  total: number;
  /** True when the lesson has items and all are done, or it has none and was read to its end. */
  complete: boolean;
}

/** Done = exercise passed, or question answered correctly. */
export function lessonStatus(items: LessonItems, progress: Progress, slug?: string): LessonStatus {
  const done =
    items.exercises.filter((id) => progress.exercises[id]?.passed).length +
    items.questions.filter((id) => progress.quizzes[id]?.correct).length;
  const total = items.exercises.length + items.questions.length;
  const complete = total > 0 ? done === total : slug !== undefined && progress.lessons[slug]?.readAt !== undefined;
  return { done, total, complete };
}

/** The whole course: items done over items in all lessons. */
export function courseStatus(lessons: LessonItems[], progress: Progress): { done: number; total: number } {
  return lessons.reduce(
    (sum, items) => {
      const s = lessonStatus(items, progress);
      return { done: sum.done + s.done, total: sum.total + s.total };
    },
    { done: 0, total: 0 },
  );
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)];
}
