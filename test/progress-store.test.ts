/** The progress store against a FAKE Storage (an in-memory Map with switchable failures). */
import { describe, expect, test } from 'vitest';
import {
  CORRUPT_PREFIX,
  PROGRESS_KEY,
  exportProgress,
  loadProgress,
  mergeProgress,
  parseImport,
  resetProgress,
  saveProgress,
  updateProgress,
  type StorageLike,
} from '../src/lib/progress/store.ts';
import { emptyProgress, type Progress } from '../src/lib/progress/schema.ts';

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
  test('a v1 quiz record (as predict-store wrote it) migrates with revealed and tries', () => {
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
