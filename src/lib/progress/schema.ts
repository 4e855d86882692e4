/**
 * The learner's progress, as kept in the browser: one versioned JSON record.
 * Each version's schema stays here so old data can always be read and
 * migrated; only the newest is written.
 */
import { z } from 'zod';

// The site's CSP forbids eval; without this, zod probes `new Function` to
// speed parsing up, and every page that loads progress logs a CSP violation.
z.config({ jitless: true });

export const PROGRESS_VERSION = 2;

const isoDate = z.string().describe('ISO 8601 timestamp');

export const exerciseProgressSchema = z.object({
  passed: z.boolean().describe('True once every check passed (it stays true).'),
  passedAt: isoDate.optional().describe('When it first passed.'),
  code: z.string().max(200_000).optional().describe("The learner's latest code for it."),
  updatedAt: isoDate.describe('When the code or result last changed.'),
});

export const codeProgressSchema = z.object({
  code: z.string().max(200_000).describe("The learner's edited version of a lesson's runnable example."),
  updatedAt: isoDate,
});

export const quizProgressSchema = z.object({
  answer: z.union([z.string(), z.array(z.string())]).describe('The chosen option, or the lines in the order given.'),
  correct: z.boolean(),
  answeredAt: isoDate,
  revealed: z.boolean().optional().describe('True once they asked to see the answer. Default: false.'),
  tries: z.number().int().nonnegative().optional().describe('How many times they clicked "Check answer". Default: 0.'),
});

export const progressSchema = z
  .object({
    version: z.literal(PROGRESS_VERSION),
    exercises: z.record(z.string(), exerciseProgressSchema).describe('By exercise id.'),
    sandboxes: z.record(z.string(), codeProgressSchema).describe('By snippet path.'),
    quizzes: z.record(z.string(), quizProgressSchema).describe('By question id.'),
    lessons: z.record(z.string(), z.object({ visitedAt: isoDate })).describe('Lessons opened, by slug.'),
    lastLesson: z.string().optional().describe('Slug of the lesson visited last (for "Continue").'),
  })
  .strict();

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
  correct: z.boolean().optional(),
  answeredAt: z.union([z.number(), z.string()]).optional(),
  revealed: z.boolean().optional(),
  tries: z.number().optional(),
});

/** The file Export writes: progress plus a marker, so Import can tell it from any other JSON. */
export const exportFileSchema = z.object({
  format: z.literal('async-course-progress'),
  exportedAt: isoDate,
  progress: progressSchema,
});
