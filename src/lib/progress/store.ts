/**
 * Reading, writing, migrating, exporting and importing progress. Pure apart
 * from the Storage it is handed, so it is tested against a fake Storage.
 * Nothing here throws for bad data or a failing Storage: callers get a
 * result and a notice to show, and the site goes on working.
 */
import {
  entries,
  emptyProgress,
  isEntryId,
  isIsoDate,
  legacyCodeSchema,
  legacyQuizSchema,
  PROGRESS_LIMITS,
  PROGRESS_VERSION,
  progressSchema,
  SECTIONS,
  type Progress,
  type Section,
} from './schema.ts';

export const PROGRESS_KEY = 'course:progress';
const LEGACY_PREFIX = 'course:v1:';
/** Where unreadable data is set aside (never deleted), with the time it was found. */
export const CORRUPT_PREFIX = 'course:progress:corrupt:';

export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

interface LoadResult {
  progress: Progress;
  /** Plain-words notices for the learner (data set aside, storage unavailable…). */
  notices: string[];
}

type SaveResult = { ok: true } | { ok: false; notice: string };

export function loadProgress(storage: StorageLike | null, now = () => new Date()): LoadResult {
  if (!storage) return { progress: emptyProgress(), notices: [UNAVAILABLE] };
  try {
    return loadFrom(storage, now);
  } catch {
    // Nothing in loading may stop an island from starting: an unexpected failure reads as no storage.
    return { progress: emptyProgress(), notices: [UNAVAILABLE] };
  }
}

function loadFrom(storage: StorageLike, now: () => Date): LoadResult {
  const notices: string[] = [];
  let progress = emptyProgress();
  let raw: string | null = null;
  try {
    raw = storage.getItem(PROGRESS_KEY);
  } catch {
    return { progress, notices: [UNAVAILABLE] };
  }
  if (raw !== null) {
    const read = readStored(raw);
    progress = read.progress;
    if (read.aside !== undefined) {
      const aside = setAside(storage, read.aside, now);
      // What was readable is kept: the record is written back without the entries set aside (or removed when none are left).
      if (aside.kept) safely(() => (isEmpty(progress) ? storage.removeItem(PROGRESS_KEY) : storage.setItem(PROGRESS_KEY, JSON.stringify(progress))));
      const where = aside.kept ? ` It was kept under "${aside.key}" in this browser's storage, in case you want to recover it.` : '';
      notices.push(
        read.whole
          ? `Your saved progress couldn't be read (${read.reasons[0]}), so the course started a fresh record.${where}`
          : `${read.reasons.length === 1 ? 'One saved entry' : `${read.reasons.length} saved entries`} couldn't be read (${read.reasons.slice(0, 3).join('; ')}${read.reasons.length > 3 ? '; …' : ''}) and ${read.reasons.length === 1 ? 'was' : 'were'} set aside; the rest of your progress is kept.${where}`,
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

/** How many set-aside copies are kept: the oldest goes when another is added, so they never fill the quota. */
const ASIDE_COPIES = 2;
/** A set-aside copy larger than this is not kept (it would crowd out the learner's real progress). */
const ASIDE_MAX_CHARS = 1_000_000;

function setAside(storage: StorageLike, data: string, now: () => Date): { kept: boolean; key: string } {
  const key = `${CORRUPT_PREFIX}${now().toISOString()}`;
  if (data.length > ASIDE_MAX_CHARS) return { kept: false, key };
  const older = keysOf(storage)
    .filter((k) => k.startsWith(CORRUPT_PREFIX) && k !== key)
    .sort();
  for (const old of older.slice(0, Math.max(0, older.length - (ASIDE_COPIES - 1)))) safely(() => storage.removeItem(old));
  try {
    storage.setItem(key, data);
    return { kept: true, key };
  } catch {
    return { kept: false, key };
  }
}

const isEmpty = (p: Progress) =>
  p.lastLesson === undefined && (Object.keys(SECTIONS) as Section[]).every((section) => Object.keys(p[section]).length === 0);

export function saveProgress(storage: StorageLike | null, progress: Progress): SaveResult {
  if (!storage) return { ok: false, notice: UNAVAILABLE };
  // Only a record that reads back is written: one that would fail on the next load is refused here instead.
  const problem = recordProblem(progress);
  if (problem) {
    return { ok: false, notice: `Your latest change wasn't saved: ${problem}. Your code stays in the editor, and the rest of your progress is unchanged.` };
  }
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

/**
 * What keeps a record from being written, if anything. The schema, plus a
 * look at the ids themselves: a record schema leaves a `__proto__` key out
 * of its output instead of failing, and a record written with one would
 * come back different.
 */
function recordProblem(progress: Progress): string | undefined {
  for (const section of Object.keys(SECTIONS) as Section[]) {
    const bad = Object.keys(progress[section] ?? {}).find((id) => !isEntryId(id));
    if (bad !== undefined) return `${section}: an unusable id`;
  }
  const valid = progressSchema.safeParse(progress);
  if (valid.success) return undefined;
  const issue = valid.error.issues[0]!;
  return `${issue.path.join('.') || 'the record'}: ${describeIssue(issue)}`;
}

/** An entry of a section, only if the section itself holds it (never something inherited, such as `constructor`). */
export function own<T>(section: Record<string, T>, id: string): T | undefined {
  return Object.hasOwn(section, id) ? section[id] : undefined;
}

/** A copy of the record whose sections are null-prototype objects holding only own, usable ids. */
export function ownRecord(progress: Progress): Progress {
  const copy = emptyProgress();
  for (const section of Object.keys(SECTIONS) as Section[]) {
    const target = copy[section] as Record<string, unknown>;
    for (const [id, entry] of Object.entries(progress[section] ?? {})) if (isEntryId(id)) target[id] = structuredClone(entry);
  }
  if (progress.lastLesson !== undefined) copy.lastLesson = progress.lastLesson;
  return copy;
}

const UNAVAILABLE =
  "This browser doesn't let the course keep anything (private browsing, or storage turned off), so progress won't be kept after you leave. Everything still works while you're here.";

type StoredRead = {
  progress: Progress;
  /** What was set aside, as JSON: the whole raw text, or a record of the same shape holding only the unreadable entries. */
  aside?: string;
  /** True when nothing at all could be used. */
  whole: boolean;
  reasons: string[];
};

/**
 * Reads the stored record entry by entry: each entry that fails its schema
 * (or has an unusable id, or comes past a section's cap) is set aside, and
 * every other one is kept. Only a record that is not JSON, not an object,
 * or from another version is set aside whole.
 */
function readStored(raw: string): StoredRead {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { progress: emptyProgress(), aside: raw, whole: true, reasons: ['it is not valid JSON'] };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { progress: emptyProgress(), aside: raw, whole: true, reasons: ['it is not a progress record'] };
  }
  const record = data as Record<string, unknown>;
  const version = record.version;
  if (typeof version === 'number' && version > PROGRESS_VERSION) {
    return { progress: emptyProgress(), aside: raw, whole: true, reasons: [`it was written by a newer version of the course (version ${version})`] };
  }
  if (version !== PROGRESS_VERSION) return { progress: emptyProgress(), aside: raw, whole: true, reasons: ['version: should be 2'] };

  const progress = emptyProgress();
  // Same key order as a record, so a set-aside copy reads like one.
  const aside: Record<string, unknown> = { version: PROGRESS_VERSION };
  const reasons: string[] = [];
  for (const section of Object.keys(SECTIONS) as Section[]) {
    const bad: Record<string, unknown> = entries();
    aside[section] = bad;
    const value = record[section];
    if (value === undefined) continue;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      aside[section] = value;
      reasons.push(`${section}: should be object`);
      continue;
    }
    const target = progress[section] as Record<string, unknown>;
    let kept = 0;
    for (const [id, entry] of Object.entries(value)) {
      const parsed = SECTIONS[section].safeParse(entry);
      const reason = !isEntryId(id)
        ? `${section}: an unusable id`
        : kept >= PROGRESS_LIMITS.entriesPerSection
          ? `${section}: more than ${PROGRESS_LIMITS.entriesPerSection} entries`
          : parsed.success
            ? undefined
            : `${section}.${id}.${parsed.error.issues[0]!.path.join('.')}`.replace(/\.$/, '') + `: ${describeIssue(parsed.error.issues[0]!)}`;
      if (reason === undefined) {
        target[id] = parsed.data;
        kept++;
      } else {
        bad[id] = entry;
        if (!reasons.includes(reason)) reasons.push(reason);
      }
    }
  }
  if (record.lastLesson !== undefined) {
    if (typeof record.lastLesson === 'string' && isEntryId(record.lastLesson)) progress.lastLesson = record.lastLesson;
    else {
      aside.lastLesson = record.lastLesson;
      reasons.push('lastLesson: not a usable id');
    }
  }
  for (const key of Object.keys(record)) {
    if (key === 'version' || key === 'lastLesson' || key in SECTIONS) continue;
    aside[key] = record[key];
    reasons.push(`unknown field ${key}`);
  }
  if (!reasons.length) return { progress, whole: false, reasons };
  return { progress, aside: JSON.stringify(aside), whole: false, reasons };
}

/** A time in ms as an ISO date, or the epoch when it isn't a usable time (a legacy key's bad `savedAt` must not throw). */
function isoFromMs(ms: number | string): string {
  const date = new Date(ms);
  const iso = Number.isFinite(date.getTime()) ? date.toISOString() : '';
  return isIsoDate(iso) ? iso : new Date(0).toISOString();
}

/** Version 1 → 2: folds the first islands' separate keys into the record. */
function migrateLegacyKeys(storage: StorageLike, progress: Progress): { progress: Progress; changed: boolean; keys: string[] } {
  const keys = keysOf(storage).filter((k) => k.startsWith(LEGACY_PREFIX));
  if (keys.length === 0) return { progress, changed: false, keys };
  const next = ownRecord(progress);
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
    const parsed = legacyCodeSchema.safeParse(data);
    // Code past the cap would make every later save fail: that key stays where it is, unmigrated.
    const code = parsed.success && parsed.data.code.length > PROGRESS_LIMITS.codeChars ? { success: false as const } : parsed;
    if (rest.startsWith('code:exercise:') && code.success) {
      const id = rest.slice('code:exercise:'.length);
      const updatedAt = isoFromMs(code.data.savedAt);
      if (!isEntryId(id)) continue;
      const existing = own(next.exercises, id);
      if (!existing || (existing.code === undefined && existing.updatedAt <= updatedAt)) {
        next.exercises[id] = { passed: existing?.passed ?? false, ...(existing?.passedAt ? { passedAt: existing.passedAt } : {}), code: code.data.code, updatedAt };
      }
      used.push(key);
    } else if (rest.startsWith('code:sandbox:') && code.success) {
      const id = rest.slice('code:sandbox:'.length);
      if (isEntryId(id) && !own(next.sandboxes, id)) next.sandboxes[id] = { code: code.data.code, updatedAt: isoFromMs(code.data.savedAt) };
      used.push(key);
    } else if (rest.startsWith('quiz:')) {
      const quiz = legacyQuizSchema.safeParse(data);
      if (!quiz.success) continue;
      const at = quiz.data.answeredAt ?? 0;
      const quizId = rest.slice('quiz:'.length);
      if (!isEntryId(quizId) || own(next.quizzes, quizId)) {
        used.push(key);
        continue;
      }
      const entry = SECTIONS.quizzes.safeParse({
        answer: quiz.data.answer,
        correct: quiz.data.correct ?? false,
        answeredAt: isoFromMs(at),
        ...(quiz.data.revealed ? { revealed: true } : {}),
        ...(quiz.data.tries ? { tries: Math.min(1e9, Math.max(0, Math.floor(quiz.data.tries))) } : {}),
      });
      if (!entry.success) continue;
      next.quizzes[quizId] = entry.data;
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
  const before = ownRecord(progress);
  change(progress);
  // A change that breaks a rule (a cap, a bad date) is refused whole: nothing else in the record moves.
  if (recordProblem(progress)) return { progress: before, notices, ...saveProgress(storage, progress) };
  const saved = saveProgress(storage, progress);
  return { progress, notices, ...saved };
}

/** zod/mini carries no message texts: say what was wrong in plain words. */
export function describeIssue(issue: { code: string; message: string; expected?: unknown; keys?: unknown; values?: unknown }): string {
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
