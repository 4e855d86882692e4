/**
 * The shape of a learner's answer to a predict-the-output question, and the
 * first store for it: localStorage under `course:v1:quiz:<question id>`, one
 * small versioned JSON record per question. The island now saves through the
 * site's progress record (src/islands/progress.ts, `quizProgress`), which
 * migrates these keys; this module keeps the record type and the parser.
 *
 * Storage may be missing or forbidden (reading `localStorage` throws), full,
 * or hold something that isn't ours: every call swallows that and reports
 * "nothing stored" or "not saved", because a quiz must work without it.
 */

export const QUIZ_PREFIX = 'course:v1:quiz:';

export interface QuizRecord {
  v: 1;
  /** The learner's last checked answer: the lines in their order, or the chosen option's text. */
  answer: string[] | string;
  /** Whether that answer was right when checked. */
  correct: boolean;
  /** Whether they asked to see the answer. */
  revealed: boolean;
  /** How many times they clicked "Check answer". */
  tries: number;
  /** ms since the epoch of the last change (the progress store reads this name). */
  answeredAt: number;
}

export function quizKey(id: string): string {
  return QUIZ_PREFIX + id;
}

/** Accepts only a well-formed record: anything else reads as "nothing stored". */
export function parseQuizRecord(raw: string | null): QuizRecord | null {
  if (raw === null) return null;
  try {
    const r = JSON.parse(raw) as Partial<QuizRecord> | null;
    const answerOk = typeof r?.answer === 'string' || (Array.isArray(r?.answer) && r.answer.every((x) => typeof x === 'string'));
    if (r && r.v === 1 && answerOk && typeof r.correct === 'boolean') {
      return { v: 1, answer: r.answer!, correct: r.correct, revealed: r.revealed === true, tries: Number(r.tries) || 0, answeredAt: Number(r.answeredAt) || 0 };
    }
  } catch {
    // not ours, or cut short
  }
  return null;
}

/** A store over whatever `getStorage` returns; it is called on every access, inside the try. */
export function createQuizStore(getStorage: () => Storage | null | undefined) {
  return {
    load(id: string): QuizRecord | null {
      try {
        return parseQuizRecord(getStorage()?.getItem(quizKey(id)) ?? null);
      } catch {
        return null;
      }
    },
    /** True when saved. */
    save(id: string, record: QuizRecord): boolean {
      try {
        const storage = getStorage();
        if (!storage) return false;
        storage.setItem(quizKey(id), JSON.stringify(record));
        return true;
      } catch {
        return false;
      }
    },
  };
}

export type QuizStore = ReturnType<typeof createQuizStore>;

export const quizStore: QuizStore = createQuizStore(() => globalThis.localStorage);
