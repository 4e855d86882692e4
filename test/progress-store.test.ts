/** The progress store against a FAKE Storage (an in-memory Map with switchable failures). */
import { describe, expect, test } from 'vitest';
import { exportProgress, mergeProgress, mergeWithReport, parseImport } from '../src/lib/progress/transfer.ts';
import {
  CORRUPT_PREFIX,
  PROGRESS_KEY,
  loadProgress,
  resetProgress,
  saveProgress,
  updateProgress,
  type StorageLike,
} from '../src/lib/progress/store.ts';
import { emptyProgress, PROGRESS_LIMITS, type Progress } from '../src/lib/progress/schema.ts';

class FakeStorage implements StorageLike {
  map = new Map<string, string>();
  /** When set, setItem throws this DOMException name (QuotaExceededError, SecurityError). */
  failWrites: string | undefined;
  failReads = false;
  get length() {
    return this.map.size;
  }
  key(i: number) {
    return [...this.map.keys()][i] ?? null;
  }
  getItem(key: string) {
    if (this.failReads) throw new DOMException('denied', 'SecurityError');
    return this.map.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    if (this.failWrites) throw new DOMException('nope', this.failWrites);
    this.map.set(key, value);
  }
  removeItem(key: string) {
    this.map.delete(key);
  }
}

const at = (minute: number) => new Date(Date.UTC(2026, 10, 1, 12, minute)).toISOString();

function sample(): Progress {
  const p = emptyProgress();
  p.exercises['first-coroutine'] = { passed: true, passedAt: at(5), code: 'export async function main() {}', updatedAt: at(5) };
  p.quizzes['event-loop/order-1'] = { answer: ['a', 'c', 'b'], correct: true, answeredAt: at(6) };
  p.lessons.coroutines = { visitedAt: at(4) };
  p.lastLesson = 'coroutines';
  return p;
}

describe('progress store', () => {
  test('a save then a load round-trips', () => {
    const storage = new FakeStorage();
    expect(saveProgress(storage, sample())).toEqual({ ok: true });
    expect(loadProgress(storage)).toEqual({ progress: sample(), notices: [] });
  });

  test('nothing stored gives empty progress and no notice', () => {
    expect(loadProgress(new FakeStorage())).toEqual({ progress: emptyProgress(), notices: [] });
  });

  test.each([
    ['not JSON', '{"version": 2, "exercises": ', /not valid JSON/],
    ['the wrong shape', JSON.stringify({ version: 2, exercises: { x: { passed: 'yes' } }, sandboxes: {}, quizzes: {}, lessons: {} }), /exercises\.x\.passed/],
    ['from a newer course', JSON.stringify({ version: 9 }), /newer version of the course \(version 9\)/],
  ])('corrupt data (%s) is set aside with a notice, and the site starts afresh', (_name, raw, reason) => {
    const storage = new FakeStorage();
    storage.map.set(PROGRESS_KEY, raw);
    const { progress, notices } = loadProgress(storage, () => new Date(at(30)));
    expect(progress).toEqual(emptyProgress());
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(reason);
    expect(storage.map.get(`${CORRUPT_PREFIX}${at(30)}`)).toBe(raw);
    expect(storage.map.has(PROGRESS_KEY)).toBe(false);
  });

  test('version 1 keys (the first islands) migrate into the record and are removed', () => {
    const storage = new FakeStorage();
    storage.map.set('course:v1:code:exercise:fetch-all', JSON.stringify({ code: 'export async function fetchAll() {}', savedAt: Date.parse(at(10)) }));
    storage.map.set('course:v1:code:sandbox:coroutines/eager-start.ts', JSON.stringify({ code: 'console.log(1)', savedAt: Date.parse(at(11)) }));
    storage.map.set('course:v1:quiz:event-loop/order-1', JSON.stringify({ answer: ['x', 'y'], correct: false, answeredAt: Date.parse(at(12)) }));
    storage.map.set('course:v1:code:exercise:broken', '{oops');
    saveProgress(storage, sample());
    const { progress, notices } = loadProgress(storage);
    expect(notices).toEqual([]);
    expect(progress.exercises['fetch-all']).toEqual({ passed: false, code: 'export async function fetchAll() {}', updatedAt: at(10) });
    expect(progress.exercises['first-coroutine'].passed).toBe(true);
    expect(progress.sandboxes['coroutines/eager-start.ts']).toEqual({ code: 'console.log(1)', updatedAt: at(11) });
    expect(progress.quizzes['event-loop/order-1']).toEqual(sample().quizzes['event-loop/order-1']);
    expect([...storage.map.keys()].sort()).toEqual(['course:progress', 'course:v1:code:exercise:broken']);
    expect(loadProgress(storage).progress).toEqual(progress);
  });

  test('a full quota gives a notice instead of a crash, and the old record stays', () => {
    const storage = new FakeStorage();
    saveProgress(storage, sample());
    storage.failWrites = 'QuotaExceededError';
    const result = updateProgress(storage, (p) => {
      p.exercises['fetch-all'] = { passed: false, code: 'x'.repeat(1000), updatedAt: at(20) };
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.notice).toMatch(/storage for the site is full/);
    expect(result.progress.exercises['fetch-all']).toBeDefined();
    expect(loadProgress(storage).progress).toEqual(sample());
  });

  test('storage that is not allowed gives a notice, and loading still works', () => {
    const storage = new FakeStorage();
    storage.failReads = true;
    storage.failWrites = 'SecurityError';
    expect(loadProgress(storage).notices[0]).toMatch(/doesn't let the course keep anything/);
    expect(saveProgress(storage, sample())).toMatchObject({ ok: false });
    expect(loadProgress(null).notices[0]).toMatch(/doesn't let the course keep anything/);
  });

  test('export then import round-trips', () => {
    const text = exportProgress(sample(), () => new Date(at(40)));
    expect(JSON.parse(text)).toMatchObject({ format: 'async-course-progress', exportedAt: at(40) });
    expect(parseImport(text)).toEqual({ ok: true, progress: sample() });
  });

  test.each([
    ['not JSON', 'hello', /isn't JSON/],
    ['some other JSON', '{"name": "my notes"}', /not a progress export from this course/],
    ['an export with a bad field', JSON.stringify({ format: 'async-course-progress', exportedAt: at(1), progress: { ...sample(), quizzes: { q: { answer: 3 } } } }), /progress\.quizzes\.q/],
  ])('import of %s says what is wrong', (_name, text, message) => {
    const result = parseImport(text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.join(' ')).toMatch(message);
  });

  test('import merges: passes on either side count, newer code and answers win, nothing is lost', () => {
    const here = sample();
    here.exercises['fetch-all'] = { passed: false, code: 'newer here', updatedAt: at(50) };
    const there = emptyProgress();
    there.exercises['first-coroutine'] = { passed: false, code: 'older there', updatedAt: at(1) };
    there.exercises['fetch-all'] = { passed: true, passedAt: at(30), code: 'older there', updatedAt: at(30) };
    there.exercises['limit-concurrency'] = { passed: true, passedAt: at(31), updatedAt: at(31) };
    there.lessons.pitfalls = { visitedAt: at(59) };
    there.lastLesson = 'pitfalls';
    const merged = mergeProgress(here, there);
    expect(merged.exercises['first-coroutine']).toEqual(here.exercises['first-coroutine']);
    expect(merged.exercises['fetch-all']).toEqual({ passed: true, passedAt: at(30), code: 'newer here', updatedAt: at(50) });
    expect(merged.exercises['limit-concurrency'].passed).toBe(true);
    expect(merged.lastLesson).toBe('pitfalls');
    expect(merged.lessons.coroutines).toEqual(here.lessons.coroutines);
  });

  test('import merges lessons: the newer visit wins, and a lesson read on either side stays read', () => {
    const here = emptyProgress();
    here.lessons.intro = { visitedAt: at(50) };
    here.lessons.conclusion = { visitedAt: at(5), readAt: at(5) };
    const there = emptyProgress();
    there.lessons.intro = { visitedAt: at(10), readAt: at(10) };
    there.lessons.conclusion = { visitedAt: at(40) };
    const merged = mergeProgress(here, there);
    expect(merged.lessons.intro).toEqual({ visitedAt: at(50), readAt: at(10) });
    expect(merged.lessons.conclusion).toEqual({ visitedAt: at(40), readAt: at(5) });
  });

  test('reset removes the record, set-aside copies and old keys, and nothing else', () => {
    const storage = new FakeStorage();
    saveProgress(storage, sample());
    storage.map.set(`${CORRUPT_PREFIX}x`, '{');
    storage.map.set('course:v1:quiz:a', '{}');
    storage.map.set('theme', 'dark');
    expect(resetProgress(storage)).toEqual({ ok: true });
    expect([...storage.map.keys()]).toEqual(['theme']);
  });
});

describe('progress store: the Predict island\'s records', () => {
  test('a v1 quiz record (as the old per-quiz store wrote it) migrates with revealed and tries', () => {
    const storage = new FakeStorage();
    storage.map.set('course:v1:quiz:tasks/order', JSON.stringify({ v: 1, answer: ['b', 'a'], correct: false, revealed: true, tries: 2, answeredAt: Date.parse(at(20)) }));
    const { progress } = loadProgress(storage);
    expect(progress.quizzes['tasks/order']).toEqual({ answer: ['b', 'a'], correct: false, revealed: true, tries: 2, answeredAt: at(20) });
    expect(storage.map.has('course:v1:quiz:tasks/order')).toBe(false);
  });

  test('revealed and tries survive export and import', () => {
    const p = sample();
    p.quizzes['tasks/choice#x'] = { answer: 'x', correct: true, answeredAt: at(30), revealed: true, tries: 3 };
    const back = parseImport(exportProgress(p));
    expect(back.ok && back.progress.quizzes['tasks/choice#x']).toEqual(p.quizzes['tasks/choice#x']);
  });

  test('updateProgress starts from what storage holds now (another tab\'s change is kept)', () => {
    const storage = new FakeStorage();
    saveProgress(storage, emptyProgress());
    const tabA = loadProgress(storage).progress;
    updateProgress(storage, (p) => void (p.exercises.b = { passed: true, updatedAt: at(1) }));
    tabA.exercises.a = { passed: true, updatedAt: at(2) }; // stale copy: must not be what gets written
    updateProgress(storage, (p) => void (p.exercises.a = tabA.exercises.a));
    expect(Object.keys(loadProgress(storage).progress.exercises).sort()).toEqual(['a', 'b']);
  });
});

/** Issue 13 §3: data the site accepts must never wipe or brick saved work. Each case ends by checking the learner's own progress is intact. */
describe('progress store: saved work is never wiped', () => {
  const intact = (progress: Progress) => {
    expect(progress.exercises['first-coroutine']).toEqual(sample().exercises['first-coroutine']);
    expect(progress.quizzes['event-loop/order-1']).toEqual(sample().quizzes['event-loop/order-1']);
    expect(progress.lessons.coroutines).toEqual(sample().lessons.coroutines);
  };
  const stored = (record: unknown) => {
    const storage = new FakeStorage();
    storage.map.set(PROGRESS_KEY, JSON.stringify(record));
    return storage;
  };

  test.each<[string, (p: Record<string, any>) => void, RegExp]>([
    ['code over the cap in one exercise', (p) => (p.exercises['fetch-all'] = { passed: false, code: 'x'.repeat(PROGRESS_LIMITS.codeChars + 1), updatedAt: at(1) }), /exercises\.fetch-all\.code/],
    ['an invalid date', (p) => (p.sandboxes['a.ts'] = { code: 'x', updatedAt: 'yesterday' }), /sandboxes\.a\.ts\.updatedAt/],
    ['a wrong type', (p) => (p.quizzes.q = { answer: 3, correct: true, answeredAt: at(1) }), /quizzes\.q\.answer/],
    ['an id that is too long', (p) => (p.lessons['x'.repeat(PROGRESS_LIMITS.idChars + 1)] = { visitedAt: at(1) }), /lessons: an unusable id/],
    ['a section that is not an object', (p) => (p.sandboxes = 'oops'), /sandboxes: should be object/],
    ['an unknown field', (p) => (p.extra = 1), /unknown field extra/],
  ])('one bad entry (%s) is set aside and reported; every valid entry is kept', (_name, spoil, reason) => {
    const record = JSON.parse(JSON.stringify(sample()));
    spoil(record);
    const storage = stored(record);
    const { progress, notices } = loadProgress(storage, () => new Date(at(30)));
    intact(progress);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(reason);
    expect(notices[0]).toMatch(/the rest of your progress is kept/);
    const aside = JSON.parse(storage.map.get(`${CORRUPT_PREFIX}${at(30)}`)!);
    expect(JSON.stringify(aside)).not.toContain('first-coroutine');
    // The record written back loads with no notice and the same progress.
    expect(loadProgress(storage)).toEqual({ progress, notices: [] });
  });

  test('more stored entries than a section may hold: the first ones are kept, the rest set aside', () => {
    const record = JSON.parse(JSON.stringify(sample()));
    for (let i = 0; i < PROGRESS_LIMITS.entriesPerSection + 20; i++) record.lessons[`junk-${i}`] = { visitedAt: at(1) };
    const { progress, notices } = loadProgress(stored(record));
    intact(progress);
    expect(Object.keys(progress.lessons)).toHaveLength(PROGRESS_LIMITS.entriesPerSection);
    expect(notices[0]).toMatch(/more than 500 entries/);
  });

  test('set-aside copies never pile up past two', () => {
    const storage = new FakeStorage();
    for (let minute = 0; minute < 5; minute++) {
      storage.map.set(PROGRESS_KEY, '{broken');
      loadProgress(storage, () => new Date(at(minute)));
    }
    expect([...storage.map.keys()].filter((k) => k.startsWith(CORRUPT_PREFIX)).sort()).toEqual([`${CORRUPT_PREFIX}${at(3)}`, `${CORRUPT_PREFIX}${at(4)}`]);
  });

  test.each<[string, (p: Progress) => void]>([
    ['code over 200,000 characters', (p) => (p.exercises['fetch-all'] = { passed: false, code: 'x'.repeat(PROGRESS_LIMITS.codeChars + 1), updatedAt: at(9) })],
    ['an invalid date', (p) => (p.sandboxes['a.ts'] = { code: 'x', updatedAt: 'not a date' })],
    ['an unusable id', (p) => (p.quizzes['__proto__'] = { answer: 'x', correct: true, answeredAt: at(9) })],
  ])('a save with %s is refused with a notice, and nothing else is touched', (_name, change) => {
    const storage = new FakeStorage();
    saveProgress(storage, sample());
    const before = storage.map.get(PROGRESS_KEY);
    const result = updateProgress(storage, change);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.notice).toMatch(/wasn't saved/);
    expect(storage.map.get(PROGRESS_KEY)).toBe(before);
    expect([...storage.map.keys()]).toEqual([PROGRESS_KEY]);
    intact(result.progress);
    intact(loadProgress(storage).progress);
    // The next ordinary save still works.
    expect(updateProgress(storage, (p) => void (p.lessons.pitfalls = { visitedAt: at(10) })).ok).toBe(true);
    intact(loadProgress(storage).progress);
  });

  test.each(['constructor', 'toString', 'hasOwnProperty', '__defineGetter__', 'valueOf'])('an imported id "%s" merges as data and poisons nothing', (id) => {
    const there = emptyProgress();
    there.exercises[id] = { passed: true, passedAt: at(2), code: 'mine', updatedAt: at(2) };
    there.sandboxes[id] = { code: 'x', updatedAt: at(2) };
    there.quizzes[id] = { answer: 'x', correct: true, answeredAt: at(2) };
    there.lessons[id] = { visitedAt: at(2) };
    const parsed = parseImport(exportProgress(there));
    expect(parsed.ok).toBe(true);
    const merged = mergeProgress(sample(), parsed.ok ? parsed.progress : there, () => new Date(at(40)));
    expect(merged.exercises[id]).toEqual(there.exercises[id]);
    expect(merged.lessons[id]).toEqual(there.lessons[id]);
    intact(merged);
    const storage = new FakeStorage();
    expect(saveProgress(storage, merged)).toEqual({ ok: true });
    const back = loadProgress(storage);
    expect(back.notices).toEqual([]);
    intact(back.progress);
    expect(back.progress.exercises[id]).toEqual(there.exercises[id]);
  });

  test('an id this browser lacks does not read an inherited property', () => {
    const merged = mergeProgress(emptyProgress(), sample(), () => new Date(at(40)));
    expect(merged.exercises.constructor).toBeUndefined();
    expect(Object.getPrototypeOf(merged.exercises)).toBeNull();
  });

  test('import never replaces newer code with a file dated in the future, and says so', () => {
    const here = sample();
    here.exercises['fetch-all'] = { passed: false, code: 'my newest code', updatedAt: at(50) };
    const there = emptyProgress();
    there.exercises['fetch-all'] = { passed: true, passedAt: '2999-01-01T00:00:00.000Z', code: 'from the future', updatedAt: '2999-01-01T00:00:00.000Z' };
    there.sandboxes['new.ts'] = { code: 'new', updatedAt: '2999-01-01T00:00:00.000Z' };
    const { progress, report } = mergeWithReport(here, there, () => new Date(at(55)));
    expect(progress.exercises['fetch-all']).toMatchObject({ passed: true, code: 'my newest code', updatedAt: at(50), passedAt: at(55) });
    expect(progress.sandboxes['new.ts']).toEqual({ code: 'new', updatedAt: at(55) });
    expect(report).toEqual({ added: 1, replacedCode: [], futureIgnored: 1 });
    intact(progress);
  });

  test('import with truly newer code replaces it and reports which', () => {
    const here = sample();
    const there = emptyProgress();
    there.exercises['first-coroutine'] = { passed: true, passedAt: at(5), code: 'newer', updatedAt: at(20) };
    const { progress, report } = mergeWithReport(here, there, () => new Date(at(55)));
    expect(progress.exercises['first-coroutine']!.code).toBe('newer');
    expect(report.replacedCode).toEqual(['first-coroutine']);
  });

  test.each<[string, string]>([
    ['an invalid savedAt', JSON.stringify({ code: 'legacy code', savedAt: 8.64e15 + 1 })],
    ['a NaN-like savedAt', '{"code": "legacy code", "savedAt": -1e300}'],
  ])('a legacy key with %s loads without throwing, and keeps its code', (_name, raw) => {
    const storage = new FakeStorage();
    saveProgress(storage, sample());
    storage.map.set('course:v1:code:exercise:fetch-all', raw);
    storage.map.set('course:v1:quiz:q', JSON.stringify({ answer: 'x', correct: true, answeredAt: 'garbage' }));
    const { progress } = loadProgress(storage);
    intact(progress);
    expect(progress.exercises['fetch-all']).toEqual({ passed: false, code: 'legacy code', updatedAt: new Date(0).toISOString() });
    expect(progress.quizzes.q).toMatchObject({ answer: 'x', answeredAt: new Date(0).toISOString() });
    expect(loadProgress(storage).notices).toEqual([]);
  });

  test('a legacy key with code over the cap stays where it is and never breaks saving', () => {
    const storage = new FakeStorage();
    saveProgress(storage, sample());
    storage.map.set('course:v1:code:sandbox:big.ts', JSON.stringify({ code: 'x'.repeat(PROGRESS_LIMITS.codeChars + 1), savedAt: 1 }));
    intact(loadProgress(storage).progress);
    expect(storage.map.has('course:v1:code:sandbox:big.ts')).toBe(true);
    expect(updateProgress(storage, (p) => void (p.lessons.pitfalls = { visitedAt: at(10) })).ok).toBe(true);
  });

  test.each<[string, string, RegExp]>([
    ['over the size cap', ' '.repeat(PROGRESS_LIMITS.importChars + 1), /too large/],
    [
      'with too many ids',
      JSON.stringify({ format: 'async-course-progress', exportedAt: at(1), progress: { ...emptyProgress(), lessons: Object.fromEntries(Array.from({ length: 16_000 }, (_, i) => [`junk-${i}`, { visitedAt: at(1) }])) } }),
      /progress\.lessons: more than 500 entries/,
    ],
    ['with a future-proof but invalid date', JSON.stringify({ format: 'async-course-progress', exportedAt: at(1), progress: { ...emptyProgress(), lessons: { a: { visitedAt: '2026-13-45T99:99:99Z' } } } }), /progress\.lessons\.a\.visitedAt/],
  ])('an import %s is refused with a clear message', (_name, text, message) => {
    const result = parseImport(text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.join(' ')).toMatch(message);
  });
});
