/**
 * The one place islands read and write the learner's progress. It wraps the
 * pure store (src/lib/progress/store.ts) around this page's localStorage:
 * the record is loaded once per page (migrating the first islands' v1 keys,
 * setting corrupt data aside) and its notices are shown in the page's polite
 * notice region. Every write goes through updateProgress, which re-reads
 * storage first, so two open tabs don't undo each other's changes.
 *
 * After each change it fires `course:progress` on window (the course map and
 * sidebar listen), and it follows other tabs through the `storage` event.
 */
import { loadProgress, updateProgress, PROGRESS_KEY, type StorageLike } from '../lib/progress/store.ts';
import { PROGRESS_LIMITS, type Progress, type QuizProgress } from '../lib/progress/schema.ts';
import { groupDigits } from '../lib/count.ts';

/** Whose code: an exercise's (by id) or a lesson sandbox's (by snippet path). */
export type CodeKind = 'exercise' | 'sandbox';

export type CodeSave = { ok: true } | { ok: false; message: string };

const UNAVAILABLE_CODE =
  "This browser doesn't let the course store anything, so your code won't be kept after you leave this page. It stays in the editor while you're here.";

export const PROGRESS_EVENT = 'course:progress';

/** Reading `window.localStorage` itself throws where storage is forbidden. */
export function pageStorage(): StorageLike | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

let current: Progress | undefined;
const shown = new Set<string>();

/** The learner's progress as this page knows it (loaded on first use). */
export function getProgress(): Progress {
  if (!current) {
    const { progress, notices } = loadProgress(pageStorage());
    current = progress;
    notices.forEach(showNotice);
    addEventListener('storage', (event) => {
      if (event.key !== PROGRESS_KEY && event.key !== null) return;
      current = loadProgress(pageStorage()).progress;
      dispatchEvent(new CustomEvent(PROGRESS_EVENT));
    });
  }
  return current;
}

/** Changes the stored record (read-modify-write); returns a notice when it wasn't kept. */
export function changeProgress(change: (progress: Progress) => void): { ok: true } | { ok: false; notice: string } {
  getProgress();
  const result = updateProgress(pageStorage(), change);
  result.notices.forEach(showNotice);
  current = result.progress;
  dispatchEvent(new CustomEvent(PROGRESS_EVENT));
  return result.ok ? { ok: true } : { ok: false, notice: result.notice };
}

/** Replaces this page's copy after an import or reset done elsewhere in the page. */
export function reloadProgress(): Progress {
  current = loadProgress(pageStorage()).progress;
  dispatchEvent(new CustomEvent(PROGRESS_EVENT));
  return current;
}

/**
 * Shows a notice in the page's polite region (BaseLayout's
 * `[data-site-notices]`), each text once per page.
 */
export function showNotice(text: string): void {
  if (shown.has(text)) return;
  shown.add(text);
  const region = document.querySelector<HTMLElement>('[data-site-notices]');
  if (!region) return;
  const p = document.createElement('p');
  p.className = 'site-notice';
  p.textContent = text;
  const close = document.createElement('button');
  close.type = 'button';
  close.textContent = 'Dismiss';
  close.addEventListener('click', () => {
    p.remove();
    region.hidden = region.childElementCount === 0;
  });
  p.append(' ', close);
  region.hidden = false;
  region.append(p);
}

const nowIso = () => new Date().toISOString();

/** Code per exercise or sandbox. */
export const codeProgress = {
  /** The saved code, if any; `message` when storage can't be used at all. */
  load(kind: CodeKind, id: string): { code: string | undefined; message?: string } {
    const progress = getProgress();
    const section = kind === 'exercise' ? progress.exercises : progress.sandboxes;
    const code = Object.hasOwn(section, id) ? section[id]!.code : undefined;
    return pageStorage() ? { code } : { code, message: UNAVAILABLE_CODE };
  },

  /** Refused (with a message) when it can't be kept; the code then stays in the editor and nothing else changes. */
  save(kind: CodeKind, id: string, code: string): CodeSave {
    if (code.length > PROGRESS_LIMITS.codeChars) {
      return {
        ok: false,
        message: `Your code is ${groupDigits(code.length)} characters long, more than the ${groupDigits(PROGRESS_LIMITS.codeChars)} the course keeps, so this version wasn't saved. It stays in the editor, and the rest of your progress is unchanged.`,
      };
    }
    const result = changeProgress((p) => {
      const updatedAt = nowIso();
      if (kind === 'sandbox') p.sandboxes[id] = { code, updatedAt };
      else p.exercises[id] = { ...(Object.hasOwn(p.exercises, id) ? p.exercises[id]! : { passed: false }), code, updatedAt };
    });
    return result.ok ? result : { ok: false, message: result.notice };
  },
};

/** An exercise whose checks all passed (it stays passed). */
export function recordPass(id: string): void {
  changeProgress((p) => {
    const at = nowIso();
    const entry = Object.hasOwn(p.exercises, id) ? p.exercises[id] : undefined;
    p.exercises[id] = { ...(entry ?? {}), passed: true, passedAt: entry?.passedAt ?? at, updatedAt: entry?.updatedAt ?? at };
  });
}

/** A Predict question's answer, as the record keeps it (answeredAt is set on save). */
export type QuizAnswer = Omit<QuizProgress, 'answeredAt'>;

/** Predict answers. */
export const quizProgress = {
  load(id: string): QuizProgress | undefined {
    const quizzes = getProgress().quizzes;
    return Object.hasOwn(quizzes, id) ? quizzes[id] : undefined;
  },
  /** True when saved. */
  save(id: string, answer: QuizAnswer): boolean {
    return changeProgress((p) => {
      p.quizzes[id] = {
        answer: answer.answer,
        correct: answer.correct,
        answeredAt: nowIso(),
        ...(answer.revealed ? { revealed: true } : {}),
        ...(answer.tries ? { tries: answer.tries } : {}),
      };
    }).ok;
  },
};
