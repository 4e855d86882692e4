/**
 * Grading a learner's answer to a predict-the-output question, and the
 * sentence that says how it went. Tiny and dependency-free on purpose: the
 * predict island imports it, and it ships to the browser.
 */

interface OrderGrade {
  correct: boolean;
  /** How many lines sit where the run printed them. */
  inPlace: number;
  total: number;
}

/** Compares an ordering with the run's, line by line (duplicate lines compare by text). */
export function gradeOrder(answer: readonly string[], expected: readonly string[]): OrderGrade {
  const total = expected.length;
  let inPlace = 0;
  for (let i = 0; i < total; i++) if (answer[i] === expected[i]) inPlace++;
  return { correct: inPlace === total && answer.length === total, inPlace, total };
}

/** Whether a stored ordering still fits the question: the same lines, in any order. */
export function isPermutation(answer: readonly unknown[], expected: readonly string[]): answer is string[] {
  if (answer.length !== expected.length || !answer.every((x) => typeof x === 'string')) return false;
  const a = [...(answer as string[])].sort();
  const b = [...expected].sort();
  return a.every((x, i) => x === b[i]);
}

/** The feedback sentence for an ordering. */
export function orderFeedback(grade: OrderGrade): string {
  if (grade.correct) return 'Correct: that is the order the program prints its lines.';
  const n = grade.inPlace;
  return `Not quite: ${n} of ${grade.total} lines ${n === 1 ? 'is' : 'are'} in the right place. Move lines and check again.`;
}

/** The feedback sentence for a choice. */
export function choiceFeedback(correct: boolean): string {
  return correct ? 'Correct.' : 'Not quite. Pick another answer and check again.';
}
