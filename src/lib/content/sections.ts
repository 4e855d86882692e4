/**
 * The article's sections, in its order, plus `beyond` for material the
 * article does not cover (cancellation, timeouts, …). Lessons and exercises
 * both name one; this list is the one both schemas use.
 */
export const SECTIONS = [
  'introduction',
  'coroutines',
  'event-loop',
  'tasks',
  'practical-example',
  'performance',
  'best-practices',
  'pitfalls',
  'conclusion',
  'beyond',
] as const;

export type Section = (typeof SECTIONS)[number];
