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

/**
 * Caps on what the record keeps. A save that would pass one is refused
 * (the code stays in the editor); an import that passes one is refused
 * with a message; stored entries past one are set aside, not kept.
 */
export const PROGRESS_LIMITS = {
  /** Characters of code per exercise or sandbox. */
  codeChars: 200_000,
  /** Entries per section (exercises, sandboxes, quizzes, lessons): the course has far fewer. */
  entriesPerSection: 500,
  /** Characters of an id (exercise id, snippet path, question id, lesson slug). */
  idChars: 200,
  /** Characters of an import file. */
  importChars: 5_000_000,
  /** Lines in an ordering answer, and characters of one answer. */
  answerItems: 100,
  answerChars: 10_000,
} as const;

/**
 * ISO 8601 timestamp in the form Date#toISOString writes, and a real date:
 * an invalid one would make `new Date(…).toISOString()` throw later.
 */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
export const isIsoDate = (value: string) => ISO_DATE.test(value) && Number.isFinite(Date.parse(value));
const isoDate = z.string().check(z.refine(isIsoDate, 'not a date'));
const code = z.string().check(z.maxLength(PROGRESS_LIMITS.codeChars));
const answerText = z.string().check(z.maxLength(PROGRESS_LIMITS.answerChars));

/** An id as a key of the record: short, printable, and never one that means something to objects. */
export const isEntryId = (id: string) =>
  id.length > 0 && id.length <= PROGRESS_LIMITS.idChars && !/[\u0000-\u001f]/.test(id) && id !== '__proto__';

const exerciseProgressSchema = z.object({
  /** True once every check passed (it stays true). */
  passed: z.boolean(),
  /** When it first passed. */
  passedAt: z.optional(isoDate),
  /** The learner's latest code for it. */
  code: z.optional(code),
  /** When the code or result last changed. */
  updatedAt: isoDate,
});

const codeProgressSchema = z.object({
  /** The learner's edited version of a lesson's runnable example. */
  code,
  updatedAt: isoDate,
});

const quizProgressSchema = z.object({
  /** The chosen option, or the lines in the order given. */
  answer: z.union([answerText, z.array(answerText).check(z.maxLength(PROGRESS_LIMITS.answerItems))]),
  correct: z.boolean(),
  answeredAt: isoDate,
  /** True once they asked to see the answer. Default: false. */
  revealed: z.optional(z.boolean()),
  /** How many times they clicked "Check answer". Default: 0. */
  tries: z.optional(z.number().check(z.int(), z.nonnegative(), z.lte(1e9))),
});

const lessonVisitSchema = z.object({
  /** When the lesson was last opened. */
  visitedAt: isoDate,
  /** When the learner first reached its end (a lesson with no exercise or question is "read" then, not when opened). */
  readAt: z.optional(isoDate),
});

const entryId = z.string().check(z.refine(isEntryId, 'not a usable id'));
const section = <T extends z.ZodMiniType>(entry: T) =>
  z.record(entryId, entry).check(z.refine((r) => Object.keys(r).length <= PROGRESS_LIMITS.entriesPerSection, 'too many entries'));

export const progressSchema = z.strictObject({
  version: z.literal(PROGRESS_VERSION),
  /** By exercise id. */
  exercises: section(exerciseProgressSchema),
  /** By snippet path. */
  sandboxes: section(codeProgressSchema),
  /** By question id. */
  quizzes: section(quizProgressSchema),
  /** Lessons opened, by slug. */
  lessons: section(lessonVisitSchema),
  /** Slug of the lesson visited last (for "Continue"). */
  lastLesson: z.optional(entryId),
});

export type Progress = z.infer<typeof progressSchema>;
export type QuizProgress = z.infer<typeof quizProgressSchema>;

/** The four sections of the record and the schema of one entry of each, for per-entry validation. */
export const SECTIONS = {
  exercises: exerciseProgressSchema,
  sandboxes: codeProgressSchema,
  quizzes: quizProgressSchema,
  lessons: lessonVisitSchema,
} as const;
export type Section = keyof typeof SECTIONS;

/**
 * A fresh record. Its sections are null-prototype objects, so an id such as
 * "constructor" or "toString" finds nothing that isn't really there.
 */
export function emptyProgress(): Progress {
  return { version: PROGRESS_VERSION, exercises: entries(), sandboxes: entries(), quizzes: entries(), lessons: entries() };
}

/** An empty section: a null-prototype object. */
export function entries<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
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
