import { describe, expect, test } from 'vitest';
import { nextExercise, placeExercises } from '../src/lib/progress/exercise-index.ts';

const exercises = [
  { id: 'heartbeat', title: 'Keep the heartbeat beating', section: 'pitfalls' as const },
  { id: 'first', title: 'First', section: 'coroutines' as const },
  { id: 'loose', title: 'Not in a lesson', section: 'tasks' as const },
  { id: 'also-loose', title: 'Also loose', section: 'introduction' as const },
];
const lessons = [
  { slug: 'coroutines', title: 'Coroutines', section: 'coroutines' as const, exercises: ['first'] },
  { slug: 'best', title: 'Best practices', section: 'best-practices' as const, exercises: ['heartbeat', 'missing'] },
  { slug: 'again', title: 'Again', section: 'pitfalls' as const, exercises: ['heartbeat'] },
];

describe('placeExercises', () => {
  const placed = placeExercises(lessons, exercises);

  test('an embedded exercise takes the section and link of the first lesson that embeds it, not its own meta', () => {
    expect(placed.find((e) => e.id === 'heartbeat')).toEqual({
      id: 'heartbeat',
      title: 'Keep the heartbeat beating',
      section: 'best-practices',
      lesson: { slug: 'best', title: 'Best practices' },
    });
  });

  test('course order: lessons first, then unembedded exercises by section; unknown ids are skipped', () => {
    expect(placed.map((e) => e.id)).toEqual(['first', 'heartbeat', 'also-loose', 'loose']);
    expect(placed.find((e) => e.id === 'loose')?.lesson).toBeUndefined();
  });

  test.each([
    ['first', 'heartbeat'],
    ['heartbeat', 'also-loose'],
    ['loose', undefined],
    ['nope', undefined],
  ])('after %s comes %s', (id, next) => {
    expect(nextExercise(placed, id)?.id).toBe(next);
  });
});
