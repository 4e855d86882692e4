/**
 * The sentence a wrong ordering gets in a predict question. When the
 * learner's order is exactly the one a known wrong model gives
 * (misconceptions.ts, computed at build time), the sentence names that model
 * and says what really happens; otherwise it counts the lines in place.
 * Tiny and dependency-free: it ships with the predict island.
 */
import { orderFeedback } from '../snippets/grade.ts';

/** A wrong mental model and the order of printed lines it predicts. */
export interface Misconception {
  id: 'in-sequence' | 'timers-first' | 'python-lazy';
  /** "reading the code top to bottom": completes "That is the order … gives". */
  name: string;
  order: string[];
  /** What the model gets wrong, with Markdown `code` spans. */
  why: string;
}

/** The model whose order is exactly this answer, if there is one. */
export function matchingMisconception(answer: readonly string[], models: readonly Misconception[]): Misconception | undefined {
  return models.find((m) => m.order.length === answer.length && m.order.every((line, i) => line === answer[i]));
}

/** Feedback for an ordering: the model's reason when one explains it, else how many lines are in place. */
export function orderFeedbackWithReason(grade: Parameters<typeof orderFeedback>[0], answer: readonly string[], models: readonly Misconception[]): string {
  if (grade.correct) return orderFeedback(grade);
  const model = matchingMisconception(answer, models);
  if (!model) return orderFeedback(grade);
  return `Not quite: that is the order you get by ${model.name}. ${model.why} Move lines and check again.`;
}

/** Reads the models a page carries, dropping anything that isn't one (the attribute is ours, but parse it strictly). */
export function readMisconceptions(json: string | undefined): Misconception[] {
  if (!json) return [];
  try {
    const value: unknown = JSON.parse(json);
    if (!Array.isArray(value)) return [];
    return value.filter(
      (m): m is Misconception =>
        typeof m === 'object' && m !== null && typeof m.name === 'string' && typeof m.why === 'string' && Array.isArray(m.order) && m.order.every((x: unknown) => typeof x === 'string'),
    );
  } catch {
    return [];
  }
}
