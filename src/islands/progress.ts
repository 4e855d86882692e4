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
import type { Progress } from '../lib/progress/schema.ts';
import { MESSAGES, type CodeKind, type LoadResult as CodeLoad, type SaveResult as CodeSave } from './storage.ts';
import type { QuizRecord } from './predict-store.ts';

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

/** Code per exercise or sandbox, with the shapes the workbench already used. */
export const codeProgress = {
  load(kind: CodeKind, id: string): CodeLoad {
    const storage = pageStorage();
    const progress = getProgress();
    const entry = kind === 'exercise' ? progress.exercises[id] : progress.sandboxes[id];
    const code = entry?.code;
    const saved = code === undefined ? null : { code, savedAt: Date.parse(entry!.updatedAt) || 0 };
    return storage ? { saved } : { saved, message: MESSAGES.unavailable };
  },

  save(kind: CodeKind, id: string, code: string): CodeSave {
    return toCodeSave(
      changeProgress((p) => {
        const updatedAt = nowIso();
        if (kind === 'sandbox') p.sandboxes[id] = { code, updatedAt };
        else p.exercises[id] = { ...(p.exercises[id] ?? { passed: false }), code, updatedAt };
      }),
    );
  },

  remove(kind: CodeKind, id: string): CodeSave {
    return toCodeSave(
      changeProgress((p) => {
        if (kind === 'sandbox') delete p.sandboxes[id];
        else if (p.exercises[id]) {
          const { code: _gone, ...rest } = p.exercises[id]!;
          p.exercises[id] = { ...rest, updatedAt: nowIso() };
        }
      }),
    );
  },
};

function toCodeSave(result: { ok: true } | { ok: false; notice: string }): CodeSave {
  if (result.ok) return result;
  const full = /full/.test(result.notice);
  return { ok: false, problem: full ? 'full' : 'unavailable', message: full ? MESSAGES.full : MESSAGES.unavailable };
}

/** An exercise whose checks all passed (it stays passed). */
export function recordPass(id: string): void {
  changeProgress((p) => {
    const at = nowIso();
    const entry = p.exercises[id];
    p.exercises[id] = { ...(entry ?? {}), passed: true, passedAt: entry?.passedAt ?? at, updatedAt: entry?.updatedAt ?? at };
  });
}

/** Predict answers, with the shapes the Predict island already used. */
export const quizProgress = {
  load(id: string): QuizRecord | null {
    const q = getProgress().quizzes[id];
    if (!q) return null;
    return { v: 1, answer: q.answer, correct: q.correct, revealed: q.revealed ?? false, tries: q.tries ?? 0, answeredAt: Date.parse(q.answeredAt) || 0 };
  },
  /** True when saved. */
  save(id: string, record: QuizRecord): boolean {
    return changeProgress((p) => {
      p.quizzes[id] = {
        answer: record.answer,
        correct: record.correct,
        answeredAt: new Date(record.answeredAt || Date.now()).toISOString(),
        ...(record.revealed ? { revealed: true } : {}),
        ...(record.tries ? { tries: record.tries } : {}),
      };
    }).ok;
  },
};
