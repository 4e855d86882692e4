/**
 * Where each exercise sits in the course: the lesson that embeds it (its
 * label and its "back to the lesson" link come from there, so a label can
 * never disagree with the page the exercise is on), and the exercise after
 * it. One source of truth: the lessons' `<Exercise id>` tags, in course
 * order. An exercise no lesson embeds yet keeps the section its own meta
 * names and comes after the embedded ones.
 */
import type { Section } from '../content/sections.ts';
import { SECTIONS } from '../content/sections.ts';

export interface IndexLesson {
  slug: string;
  title: string;
  section: Section;
  /** Exercise ids the lesson embeds, in page order. */
  exercises: string[];
}

export interface IndexExercise {
  id: string;
  title: string;
  /** The section the exercise's own meta names (used only when no lesson embeds it). */
  section: Section;
}

export interface PlacedExercise {
  id: string;
  title: string;
  /** The section it is shown under: its lesson's, else its own. */
  section: Section;
  /** The first lesson (in course order) that embeds it. */
  lesson?: { slug: string; title: string };
}

/** Every exercise once, in course order: lesson order and page order, then the unembedded ones by section and title. */
export function placeExercises(lessons: IndexLesson[], exercises: IndexExercise[]): PlacedExercise[] {
  const byId = new Map(exercises.map((e) => [e.id, e]));
  const placed: PlacedExercise[] = [];
  const seen = new Set<string>();
  for (const lesson of lessons) {
    for (const id of lesson.exercises) {
      const exercise = byId.get(id);
      if (!exercise || seen.has(id)) continue;
      seen.add(id);
      placed.push({ id, title: exercise.title, section: lesson.section, lesson: { slug: lesson.slug, title: lesson.title } });
    }
  }
  const rest = exercises
    .filter((e) => !seen.has(e.id))
    .sort((a, b) => SECTIONS.indexOf(a.section) - SECTIONS.indexOf(b.section) || a.title.localeCompare(b.title));
  for (const e of rest) placed.push({ id: e.id, title: e.title, section: e.section });
  return placed;
}

/** The exercise after `id` in course order, if any. */
export function nextExercise(placed: PlacedExercise[], id: string): PlacedExercise | undefined {
  const at = placed.findIndex((e) => e.id === id);
  return at >= 0 ? placed[at + 1] : undefined;
}
