/**
 * The learner's progress, as kept in the browser: one versioned JSON record.
 * Each version's schema stays here so old data can always be read and
 * migrated; only the newest is written.
 *
 * zod/mini rather than zod: the same validation in about a tenth of the
 * bytes, and this module loads with every exercise (the editor island's
 * budget is 170 KB gzip). Each field's meaning is in the comment beside it.
 */
import * as z from 'zod/mini';

// The site's CSP forbids eval; without this, zod probes `new Function` to
// speed parsing up, and every page that loads progress logs a CSP violation.
z.config({ jitless: true });

export const PROGRESS_VERSION = 2;

/** ISO 8601 timestamp. */
const isoDate = z.string();
const code = z.string().check(z.maxLength(200_000));

export const exerciseProgressSchema = z.object({
  /** True once every check passed (it stays true). */
  passed: z.boolean(),
  /** When it first passed. */
  passedAt: z.optional(isoDate),
  /** The learner's latest code for it. */
  code: z.optional(code),
  /** When the code or result last changed. */
  updatedAt: isoDate,
});

export const codeProgressSchema = z.object({
  /** The learner's edited version of a lesson's runnable example. */
  code,
  updatedAt: isoDate,
});

export const quizProgressSchema = z.object({
  /** The chosen option, or the lines in the order given. */
  answer: z.union([z.string(), z.array(z.string())]),
  correct: z.boolean(),
  answeredAt: isoDate,
  /** True once they asked to see the answer. Default: false. */
  revealed: z.optional(z.boolean()),
  /** How many times they clicked "Check answer". Default: 0. */
  tries: z.optional(z.number().check(z.int(), z.nonnegative())),
});

export const progressSchema = z.strictObject({
  version: z.literal(PROGRESS_VERSION),
  /** By exercise id. */
  exercises: z.record(z.string(), exerciseProgressSchema),
  /** By snippet path. */
  sandboxes: z.record(z.string(), codeProgressSchema),
  /** By question id. */
  quizzes: z.record(z.string(), quizProgressSchema),
  /** Lessons opened, by slug. */
  lessons: z.record(z.string(), z.object({ visitedAt: isoDate })),
  /** Slug of the lesson visited last (for "Continue"). */
  lastLesson: z.optional(z.string()),
});

export type Progress = z.infer<typeof progressSchema>;
export type ExerciseProgress = z.infer<typeof exerciseProgressSchema>;
export type QuizProgress = z.infer<typeof quizProgressSchema>;

export function emptyProgress(): Progress {
  return { version: PROGRESS_VERSION, exercises: {}, sandboxes: {}, quizzes: {}, lessons: {} };
}

/**
 * Version 1 was not one record but separate keys written by the first
 * islands: `course:v1:code:exercise:<id>` and `course:v1:code:sandbox:<path>`
 * holding { code, savedAt }, and `course:v1:quiz:<id>` holding an answer.
 */
export const legacyCodeSchema = z.object({ code: z.string(), savedAt: z.number() });
export const legacyQuizSchema = z.object({
  answer: z.union([z.string(), z.array(z.string())]),
  correct: z.optional(z.boolean()),
  answeredAt: z.optional(z.union([z.number(), z.string()])),
  revealed: z.optional(z.boolean()),
  tries: z.optional(z.number()),
});

/** The file Export writes: progress plus a marker, so Import can tell it from any other JSON. */
export const exportFileSchema = z.object({
  format: z.literal('async-course-progress'),
  exportedAt: isoDate,
  progress: progressSchema,
});
