/**
 * Reading, writing, migrating, exporting and importing progress. Pure apart
 * from the Storage it is handed, so it is tested against a fake Storage.
 * Nothing here throws for bad data or a failing Storage: callers get a
 * result and a notice to show, and the site goes on working.
 */
import { exportFileSchema, emptyProgress, legacyCodeSchema, legacyQuizSchema, progressSchema, type Progress } from './schema.ts';

export const PROGRESS_KEY = 'course:progress';
export const LEGACY_PREFIX = 'course:v1:';
/** Where unreadable data is set aside (never deleted), with the time it was found. */
export const CORRUPT_PREFIX = 'course:progress:corrupt:';

export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

export interface LoadResult {
  progress: Progress;
  /** Plain-words notices for the learner (data set aside, storage unavailable…). */
  notices: string[];
}

export type SaveResult = { ok: true } | { ok: false; notice: string };

export function loadProgress(storage: StorageLike | null, now = () => new Date()): LoadResult {
  if (!storage) return { progress: emptyProgress(), notices: [UNAVAILABLE] };
  const notices: string[] = [];
  let progress = emptyProgress();
  let raw: string | null = null;
  try {
    raw = storage.getItem(PROGRESS_KEY);
  } catch {
    return { progress, notices: [UNAVAILABLE] };
  }
  if (raw !== null) {
    const parsed = parseStored(raw);
    if (parsed.ok) progress = parsed.progress;
    else {
      const aside = `${CORRUPT_PREFIX}${now().toISOString()}`;
      try {
        storage.setItem(aside, raw);
        storage.removeItem(PROGRESS_KEY);
      } catch {
        // Even setting it aside failed; the broken copy stays where it was.
      }
      notices.push(
        `Your saved progress couldn't be read (${parsed.reason}), so the course started a fresh record. The old data was kept under "${aside}" in this browser's storage, in case you want to recover it.`,
      );
    }
  }
  const migrated = migrateLegacyKeys(storage, progress);
  if (migrated.changed) {
    progress = migrated.progress;
    const saved = saveProgress(storage, progress);
    if (saved.ok) for (const key of migrated.keys) safely(() => storage.removeItem(key));
  }
  return { progress, notices };
}

export function saveProgress(storage: StorageLike | null, progress: Progress): SaveResult {
  if (!storage) return { ok: false, notice: UNAVAILABLE };
  try {
    storage.setItem(PROGRESS_KEY, JSON.stringify(progress));
    return { ok: true };
  } catch (error) {
    const name = (error as { name?: string })?.name;
    if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED') {
      return { ok: false, notice: "This browser's storage for the site is full, so your latest progress wasn't saved. Your code stays in the editor; export your progress or free some space." };
    }
    return { ok: false, notice: UNAVAILABLE };
  }
}

/** Forgets everything (after the learner confirmed). Corrupt copies set aside go too. */
export function resetProgress(storage: StorageLike | null): SaveResult {
  if (!storage) return { ok: false, notice: UNAVAILABLE };
  try {
    for (const key of keysOf(storage)) {
      if (key === PROGRESS_KEY || key.startsWith(CORRUPT_PREFIX) || key.startsWith(LEGACY_PREFIX)) storage.removeItem(key);
    }
    return { ok: true };
  } catch {
    return { ok: false, notice: UNAVAILABLE };
  }
}

export function exportProgress(progress: Progress, now = () => new Date()): string {
  return `${JSON.stringify({ format: 'async-course-progress', exportedAt: now().toISOString(), progress }, null, 2)}\n`;
}

export type ImportResult = { ok: true; progress: Progress } | { ok: false; errors: string[] };

/** Checks an exported file; says in plain words what is wrong with a bad one. */
export function parseImport(text: string): ImportResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, errors: ["This file isn't JSON, so it can't be a progress export."] };
  }
  const result = exportFileSchema.safeParse(data);
  if (result.success) return { ok: true, progress: result.data.progress };
  if (typeof data !== 'object' || data === null || (data as { format?: unknown }).format !== 'async-course-progress') {
    return { ok: false, errors: ['This JSON file is not a progress export from this course (it lacks "format": "async-course-progress").'] };
  }
  return { ok: false, errors: result.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || 'the file'}: ${describeIssue(i)}`) };
}

/**
 * Combines imported progress with what this browser has, losing nothing:
 * a pass on either side counts, and for code and answers the newer wins.
 */
export function mergeProgress(current: Progress, incoming: Progress): Progress {
  const merged: Progress = structuredClone(current);
  for (const [id, theirs] of Object.entries(incoming.exercises)) {
    const ours = merged.exercises[id];
    if (!ours) {
      merged.exercises[id] = theirs;
      continue;
    }
    const newer = theirs.updatedAt > ours.updatedAt ? theirs : ours;
    const passedAt = [ours.passedAt, theirs.passedAt].filter(Boolean).sort()[0];
    merged.exercises[id] = { ...newer, passed: ours.passed || theirs.passed, ...(passedAt ? { passedAt } : {}) };
  }
  for (const [key, theirs] of Object.entries(incoming.sandboxes)) {
    const ours = merged.sandboxes[key];
    if (!ours || theirs.updatedAt > ours.updatedAt) merged.sandboxes[key] = theirs;
  }
  for (const [key, theirs] of Object.entries(incoming.quizzes)) {
    const ours = merged.quizzes[key];
    if (!ours || theirs.answeredAt > ours.answeredAt) merged.quizzes[key] = theirs;
  }
  for (const [slug, theirs] of Object.entries(incoming.lessons)) {
    const ours = merged.lessons[slug];
    if (!ours || theirs.visitedAt > ours.visitedAt) merged.lessons[slug] = theirs;
  }
  const lastOurs = current.lastLesson ? current.lessons[current.lastLesson]?.visitedAt ?? '' : '';
  const lastTheirs = incoming.lastLesson ? incoming.lessons[incoming.lastLesson]?.visitedAt ?? '' : '';
  if (incoming.lastLesson && lastTheirs > lastOurs) merged.lastLesson = incoming.lastLesson;
  return merged;
}

const UNAVAILABLE =
  "This browser doesn't let the course keep anything (private browsing, or storage turned off), so progress won't be kept after you leave. Everything still works while you're here.";

function parseStored(raw: string): { ok: true; progress: Progress } | { ok: false; reason: string } {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { ok: false, reason: 'it is not valid JSON' };
  }
  const version = (data as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version > 2) return { ok: false, reason: `it was written by a newer version of the course (version ${version})` };
  const result = progressSchema.safeParse(data);
  if (result.success) return { ok: true, progress: result.data };
  const issue = result.error.issues[0];
  return { ok: false, reason: `${issue.path.join('.') || 'the record'}: ${describeIssue(issue)}` };
}

/** Version 1 → 2: folds the first islands' separate keys into the record. */
function migrateLegacyKeys(storage: StorageLike, progress: Progress): { progress: Progress; changed: boolean; keys: string[] } {
  const keys = keysOf(storage).filter((k) => k.startsWith(LEGACY_PREFIX));
  if (keys.length === 0) return { progress, changed: false, keys };
  const next = structuredClone(progress);
  const used: string[] = [];
  for (const key of keys) {
    const raw = safely(() => storage.getItem(key));
    if (raw == null) continue;
    let data: unknown;
    try {
      data = JSON.parse(raw);
    } catch {
      continue;
    }
    const rest = key.slice(LEGACY_PREFIX.length);
    const code = legacyCodeSchema.safeParse(data);
    if (rest.startsWith('code:exercise:') && code.success) {
      const id = rest.slice('code:exercise:'.length);
      const updatedAt = new Date(code.data.savedAt).toISOString();
      const existing = next.exercises[id];
      if (!existing || (existing.code === undefined && existing.updatedAt <= updatedAt)) {
        next.exercises[id] = { passed: existing?.passed ?? false, ...(existing?.passedAt ? { passedAt: existing.passedAt } : {}), code: code.data.code, updatedAt };
      }
      used.push(key);
    } else if (rest.startsWith('code:sandbox:') && code.success) {
      const id = rest.slice('code:sandbox:'.length);
      next.sandboxes[id] ??= { code: code.data.code, updatedAt: new Date(code.data.savedAt).toISOString() };
      used.push(key);
    } else if (rest.startsWith('quiz:')) {
      const quiz = legacyQuizSchema.safeParse(data);
      if (!quiz.success) continue;
      const at = quiz.data.answeredAt ?? 0;
      next.quizzes[rest.slice('quiz:'.length)] ??= {
        answer: quiz.data.answer,
        correct: quiz.data.correct ?? false,
        answeredAt: new Date(at).toISOString(),
        ...(quiz.data.revealed ? { revealed: true } : {}),
        ...(quiz.data.tries ? { tries: Math.max(0, Math.floor(quiz.data.tries)) } : {}),
      };
      used.push(key);
    }
  }
  return { progress: next, changed: used.length > 0, keys: used };
}

function keysOf(storage: StorageLike): string[] {
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key !== null) keys.push(key);
  }
  return keys;
}

function safely<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch {
    return undefined;
  }
}

/**
 * Read-modify-write of the stored record, so two open tabs don't undo each
 * other's changes (each change starts from what storage holds now).
 */
export function updateProgress(storage: StorageLike | null, change: (progress: Progress) => void): { progress: Progress } & SaveResult & { notices: string[] } {
  const { progress, notices } = loadProgress(storage);
  change(progress);
  const saved = saveProgress(storage, progress);
  return { progress, notices, ...saved };
}

/** zod/mini carries no message texts: say what was wrong in plain words. */
function describeIssue(issue: { code: string; message: string; expected?: unknown; keys?: unknown; values?: unknown }): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected === 'undefined' ? 'not expected here' : `should be ${String(issue.expected)}`;
    case 'unrecognized_keys':
      return `unknown field ${Array.isArray(issue.keys) ? issue.keys.join(', ') : ''}`.trim();
    case 'invalid_value':
      return `should be ${Array.isArray(issue.values) ? issue.values.map((v) => JSON.stringify(v)).join(' or ') : 'another value'}`;
    case 'too_big':
      return 'too long';
    case 'invalid_union':
      return 'not one of the allowed shapes';
    default:
      return issue.message;
  }
}
