/**
 * The one place the islands touch localStorage: learner code per exercise and
 * per sandbox. A later progress store (issue 8) takes over these keys, so they
 * carry a versioned prefix and a small JSON record it can migrate.
 *
 * Storage can fail in three ways a learner may meet: it is missing or
 * forbidden (private modes, "block all cookies": reading `localStorage`
 * throws), it is full (setItem throws QuotaExceededError), or a stored value
 * is not ours (corrupt JSON). None of them may crash the page: every call
 * returns a result, and the caller shows `problem` in a notice.
 */

/** Version 1 of the key layout: `course:v1:code:<kind>:<id>`. */
export const STORAGE_PREFIX = 'course:v1:';

export type CodeKind = 'exercise' | 'sandbox';

/** What is stored under a code key. */
export interface SavedCode {
  code: string;
  /** ms since the epoch, for a later "last edited" view. */
  savedAt: number;
}

export type StorageProblem = 'unavailable' | 'full' | 'failed';

export type SaveResult = { ok: true } | { ok: false; problem: StorageProblem; message: string };

export interface LoadResult {
  saved: SavedCode | null;
  /** Set when storage could not be read or held something unreadable (the notice's text). */
  message?: string;
}

/** Keys may hold only these characters, so an id can't reach into another key's space. */
export function codeKey(kind: CodeKind, id: string): string {
  if (!/^[\w./@-]+$/.test(id)) throw new Error(`not a valid code id: ${JSON.stringify(id)}`);
  return `${STORAGE_PREFIX}code:${kind}:${id}`;
}

export const MESSAGES: Record<StorageProblem, string> = {
  unavailable:
    "This browser doesn't let the course store anything, so your code won't be kept after you leave this page. It stays in the editor while you're here.",
  full: "Your browser's storage for this site is full, so your latest code couldn't be saved. It stays in the editor; copy it somewhere safe before you leave.",
  failed: "Your code couldn't be saved just now. It stays in the editor; copy it somewhere safe before you leave.",
};

function problemOf(error: unknown): StorageProblem {
  const name = (error as { name?: unknown })?.name;
  if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED') return 'full';
  if (name === 'SecurityError') return 'unavailable';
  return 'failed';
}

/**
 * A store over whatever `getStorage` returns. It is called on every access:
 * merely reading `window.localStorage` throws where storage is forbidden.
 */
export function createCodeStore(getStorage: () => Storage | null | undefined, now: () => number = Date.now) {
  type Access = { ok: true; s: Storage } | { ok: false; problem: StorageProblem };
  const storage = (): Access => {
    try {
      const s = getStorage();
      return s ? { ok: true, s } : { ok: false, problem: 'unavailable' };
    } catch (error) {
      const problem = problemOf(error);
      return { ok: false, problem: problem === 'failed' ? 'unavailable' : problem };
    }
  };

  return {
    load(kind: CodeKind, id: string): LoadResult {
      const access = storage();
      if (!access.ok) return { saved: null, message: MESSAGES[access.problem] };
      let raw: string | null;
      try {
        raw = access.s.getItem(codeKey(kind, id));
      } catch (error) {
        return { saved: null, message: MESSAGES[problemOf(error) === 'full' ? 'failed' : problemOf(error)] };
      }
      if (raw === null) return { saved: null };
      const saved = parseSaved(raw);
      if (!saved) {
        return { saved: null, message: 'The code saved for this exercise could not be read, so it starts from the beginning.' };
      }
      return { saved };
    },

    save(kind: CodeKind, id: string, code: string): SaveResult {
      const access = storage();
      if (!access.ok) return { ok: false, problem: access.problem, message: MESSAGES[access.problem] };
      try {
        const record: SavedCode = { code, savedAt: now() };
        access.s.setItem(codeKey(kind, id), JSON.stringify(record));
        return { ok: true };
      } catch (error) {
        const problem = problemOf(error);
        return { ok: false, problem, message: MESSAGES[problem] };
      }
    },

    remove(kind: CodeKind, id: string): SaveResult {
      const access = storage();
      if (!access.ok) return { ok: false, problem: access.problem, message: MESSAGES[access.problem] };
      try {
        access.s.removeItem(codeKey(kind, id));
        return { ok: true };
      } catch (error) {
        const problem = problemOf(error);
        return { ok: false, problem, message: MESSAGES[problem] };
      }
    },
  };
}

export type CodeStore = ReturnType<typeof createCodeStore>;

function parseSaved(raw: string): SavedCode | null {
  try {
    const value = JSON.parse(raw) as Partial<SavedCode> | null;
    if (value && typeof value.code === 'string') return { code: value.code, savedAt: Number(value.savedAt) || 0 };
  } catch {
    // fall through: not ours, or cut short
  }
  return null;
}

/** The page's store: localStorage, looked up lazily. */
export const codeStore: CodeStore = createCodeStore(() => globalThis.localStorage);
