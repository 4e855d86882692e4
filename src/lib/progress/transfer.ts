/**
 * Moving progress between browsers: Export writes a file, Import checks one
 * and merges it into what this browser has. Only the home page's progress
 * controls use this, so it lives apart from the store every island loads.
 */
import { exportFileSchema, PROGRESS_LIMITS, SECTIONS, type Progress, type Section } from './schema.ts';
import { describeIssue, own, ownRecord } from './store.ts';
import { groupDigits } from '../count.ts';

export function exportProgress(progress: Progress, now = () => new Date()): string {
  return `${JSON.stringify({ format: 'async-course-progress', exportedAt: now().toISOString(), progress }, null, 2)}\n`;
}

type ImportResult = { ok: true; progress: Progress } | { ok: false; errors: string[] };

/** Checks an exported file; says in plain words what is wrong with a bad one. */
export function parseImport(text: string): ImportResult {
  if (text.length > PROGRESS_LIMITS.importChars) {
    return { ok: false, errors: [`This file is too large to be a progress export (${groupDigits(text.length)} characters; the most this course accepts is ${groupDigits(PROGRESS_LIMITS.importChars)}).`] };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, errors: ["This file isn't JSON, so it can't be a progress export."] };
  }
  const result = exportFileSchema.safeParse(data);
  if (result.success) return { ok: true, progress: ownRecord(result.data.progress) };
  const crowded = crowdedSection((data as { progress?: unknown } | null)?.progress);
  if (crowded) {
    return { ok: false, errors: [`progress.${crowded}: more than ${PROGRESS_LIMITS.entriesPerSection} entries; this course has far fewer, so the file can't be a progress export from it.`] };
  }
  if (typeof data !== 'object' || data === null || (data as { format?: unknown }).format !== 'async-course-progress') {
    return { ok: false, errors: ['This JSON file is not a progress export from this course (it lacks "format": "async-course-progress").'] };
  }
  return { ok: false, errors: result.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || 'the file'}: ${describeIssue(i)}`) };
}

/** What an import changed, so the message can say so truthfully. */
export interface MergeReport {
  /** Entries the file added. */
  added: number;
  /** Exercise ids and snippet paths whose code the file's newer copy replaced. */
  replacedCode: string[];
  /** Entries where this browser's copy was kept because the file's date is in the future (not to be trusted). */
  futureIgnored: number;
}

/**
 * Combines imported progress with what this browser has, losing nothing:
 * a pass on either side counts, and for code and answers the newer wins.
 * A date from the file later than `now` is not believed: the learner's own
 * entry is kept, and a new entry's date is brought back to now.
 * Only own keys are read, and the result's sections have null prototypes.
 */
export function mergeProgress(current: Progress, incoming: Progress, now = () => new Date()): Progress {
  return mergeWithReport(current, incoming, now).progress;
}

export function mergeWithReport(current: Progress, incoming: Progress, now = () => new Date()): { progress: Progress; report: MergeReport } {
  const merged = ownRecord(current);
  const theirsAll = ownRecord(incoming);
  const limit = now().toISOString();
  const report: MergeReport = { added: 0, replacedCode: [], futureIgnored: 0 };
  const future = (date: string) => date > limit;
  /** Their entry wins over ours when it is newer and not from the future. */
  const wins = (theirs: string, ours: string | undefined) => {
    if (ours === undefined) return true;
    if (future(theirs)) {
      if (theirs > ours) report.futureIgnored++;
      return false;
    }
    return theirs > ours;
  };
  const clamp = (date: string) => (future(date) ? limit : date);

  for (const [id, theirs] of Object.entries(theirsAll.exercises)) {
    const ours = own(merged.exercises, id);
    if (!ours) {
      report.added++;
      merged.exercises[id] = { ...theirs, updatedAt: clamp(theirs.updatedAt), ...(theirs.passedAt ? { passedAt: clamp(theirs.passedAt) } : {}) };
      continue;
    }
    const theirsNewer = wins(theirs.updatedAt, ours.updatedAt);
    const newer = theirsNewer ? theirs : ours;
    if (theirsNewer && theirs.code !== undefined && ours.code !== undefined && theirs.code !== ours.code) report.replacedCode.push(id);
    const passedAt = [ours.passedAt, theirs.passedAt && clamp(theirs.passedAt)].filter((d): d is string => !!d).sort()[0];
    merged.exercises[id] = {
      ...newer,
      // Code is never dropped: if the newer side has none, the other side's stays.
      ...(newer.code === undefined && (ours.code ?? theirs.code) !== undefined ? { code: (ours.code ?? theirs.code)! } : {}),
      updatedAt: theirsNewer ? clamp(theirs.updatedAt) : ours.updatedAt,
      passed: ours.passed || theirs.passed,
      ...(passedAt ? { passedAt } : {}),
    };
  }
  for (const [key, theirs] of Object.entries(theirsAll.sandboxes)) {
    const ours = own(merged.sandboxes, key);
    if (!ours) report.added++;
    else if (!wins(theirs.updatedAt, ours.updatedAt)) continue;
    else if (theirs.code !== ours.code) report.replacedCode.push(key);
    merged.sandboxes[key] = { ...theirs, updatedAt: clamp(theirs.updatedAt) };
  }
  for (const [key, theirs] of Object.entries(theirsAll.quizzes)) {
    const ours = own(merged.quizzes, key);
    if (!ours) report.added++;
    else if (!wins(theirs.answeredAt, ours.answeredAt)) continue;
    merged.quizzes[key] = { ...theirs, answeredAt: clamp(theirs.answeredAt) };
  }
  for (const [slug, theirs] of Object.entries(theirsAll.lessons)) {
    const ours = own(merged.lessons, slug);
    if (!ours) report.added++;
    // Read stays read: the earliest readAt of either side is kept, whichever visit wins.
    const readAt = [ours?.readAt, theirs.readAt].filter((at): at is string => at !== undefined).map(clamp).sort()[0];
    const visitedAt = !ours || wins(theirs.visitedAt, ours.visitedAt) ? clamp(theirs.visitedAt) : ours.visitedAt;
    if (ours && visitedAt === ours.visitedAt && readAt === ours.readAt) continue;
    merged.lessons[slug] = readAt ? { visitedAt, readAt } : { visitedAt };
  }
  const lastOurs = current.lastLesson ? own(current.lessons, current.lastLesson)?.visitedAt ?? '' : '';
  const lastTheirs = incoming.lastLesson ? own(incoming.lessons, incoming.lastLesson)?.visitedAt ?? '' : '';
  if (incoming.lastLesson && lastTheirs > lastOurs && !future(lastTheirs)) merged.lastLesson = incoming.lastLesson;
  return { progress: merged, report };
}

/** The first section of an import with more entries than the cap, if any. */
function crowdedSection(progress: unknown): Section | undefined {
  if (typeof progress !== 'object' || progress === null) return undefined;
  return (Object.keys(SECTIONS) as Section[]).find((section) => {
    const value = (progress as Record<string, unknown>)[section];
    return typeof value === 'object' && value !== null && Object.keys(value).length > PROGRESS_LIMITS.entriesPerSection;
  });
}

