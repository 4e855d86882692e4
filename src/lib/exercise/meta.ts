/**
 * The metadata every exercise folder carries in `exercise.json` (the task
 * statement is `task.md` beside it).
 * Pure (no fs): the CLI, the tests and the site validate with the same schema.
 */
import { z } from 'zod';
import { SECTIONS } from '../content/sections.ts';
import { CHECK_BUDGET_MS, RUN_BUDGET_MS } from '../harness/limits.ts';

export { SECTIONS } from '../content/sections.ts';

const exerciseMetaSchema = z
  .object({
    title: z.string().min(3).describe('Shown above the exercise, e.g. "Run three tasks at once".'),
    section: z.enum(SECTIONS).describe("The article section it belongs to (see course-outline.md)."),
    hints: z
      .array(z.string().min(3))
      .min(1)
      .describe('The hint ladder, gentlest first; the last may all but give the answer.'),
    budgetMs: z
      .number()
      .int()
      .min(500)
      .max(30_000)
      .default(RUN_BUDGET_MS)
      .describe(`Real-time budget for Run, in ms; code still running after it is stopped. Default ${RUN_BUDGET_MS}.`),
    checkBudgetMs: z
      .number()
      .int()
      .min(500)
      .max(30_000)
      .default(CHECK_BUDGET_MS)
      .describe(
        `Real-time budget for Check, in ms. Check runs on the virtual clock and takes milliseconds, so seconds of real time mean a runaway. Default ${CHECK_BUDGET_MS}.`,
      ),
  })
  .strict();

export type ExerciseMeta = z.infer<typeof exerciseMetaSchema>;

/** Reads `exercise.json` text; throws an Error naming the file and each bad field. */
export function parseExerciseMeta(text: string, file: string): ExerciseMeta {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file}: not valid JSON (${(error as Error).message})`);
  }
  const result = exerciseMetaSchema.safeParse(raw);
  if (!result.success) {
    const issues = result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new Error(`${file}: ${issues.join('; ')}`);
  }
  return result.data;
}

/** The real-time budget of a run in `mode`: Run feels real waits; Check only needs milliseconds. */
export function budgetFor(meta: Pick<ExerciseMeta, 'budgetMs' | 'checkBudgetMs'>, mode: 'run' | 'check'): number {
  return mode === 'check' ? meta.checkBudgetMs : meta.budgetMs;
}
