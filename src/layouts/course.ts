/**
 * The course as the pages see it: lessons in order, with slugs and URLs.
 * The rules (ordering, slugs, duplicate checks) live in the pure module
 * `src/lib/content/lesson-schema.ts`; this file only feeds it the collection.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { orderLessons, type OrderedLesson } from '../lib/content/lesson-schema.ts';
import { lessonItems } from '../lib/progress/lesson-items.ts';
import { placeExercises, type PlacedExercise } from '../lib/progress/exercise-index.ts';
import { allExercises } from '../components/exercise/data.ts';

export const COURSE_NAME = 'Coroutines, tasks and the event loop';

export type Lesson = OrderedLesson<CollectionEntry<'lessons'>>;

/** Every lesson, sorted by `order`; the build fails on a duplicate order or slug. */
export async function getLessons(): Promise<Lesson[]> {
  return orderLessons(await getCollection('lessons'));
}

/** The URL of a lesson page. */
export function lessonHref(slug: string): string {
  return `${import.meta.env.BASE_URL.replace(/\/$/, '')}/lessons/${slug}/`;
}

/** The URL of the course map (home page). */
export const HOME_HREF = import.meta.env.BASE_URL;

/** Every exercise in course order, placed in the lesson that embeds it (src/lib/progress/exercise-index.ts). */
export async function getPlacedExercises(): Promise<PlacedExercise[]> {
  const lessons = await getLessons();
  return placeExercises(
    lessons.map((lesson) => ({
      slug: lesson.slug,
      title: lesson.data.title,
      section: lesson.data.section,
      exercises: lessonItems(lesson.body ?? '', lesson.id).exercises,
    })),
    allExercises().map((e) => ({ id: e.id, title: e.meta.title, section: e.meta.section })),
  );
}
