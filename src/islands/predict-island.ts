/**
 * Behaviour of a predict-the-output question (<Predict>): reordering lines
 * with Move up / Move down buttons, picking an option, "Check answer",
 * "Show answer", and keeping the answer in the progress record (progress.ts).
 * The markup and the expected answer come from the build; this only wires
 * them up, so it stays small.
 */
import { choiceFeedback, gradeOrder, isPermutation } from '../lib/snippets/grade.ts';
import { orderFeedbackWithReason, readMisconceptions } from '../lib/predict/feedback.ts';
import { inlineParts } from '../lib/inline-code.ts';
import { quizProgress, type QuizAnswer } from './progress.ts';

export function upgrade(root: HTMLElement): void {
  if (root.dataset.upgraded) return;
  root.dataset.upgraded = '';
  const id = root.dataset.id!;
  const kind = root.dataset.kind as 'order' | 'choice';
  const expected = JSON.parse(root.dataset.answer!) as string[] | number;
  const models = readMisconceptions(root.dataset.misconceptions);
  const q = <T extends Element>(sel: string) => root.querySelector<T>(sel);
  const list = q<HTMLOListElement>('[data-lines]');
  const moved = q<HTMLElement>('[data-moved]');
  const feedback = q<HTMLElement>('[data-feedback]')!;
  const explanation = q<HTMLElement>('[data-explanation]')!;
  const reveal = q<HTMLButtonElement>('[data-action="reveal"]')!;
  const radios = [...root.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
  let record: QuizAnswer | undefined = quizProgress.load(id);

  const items = () => [...(list?.children ?? [])] as HTMLLIElement[];
  const order = () => items().map((li) => li.dataset.line!);
  const choice = () => radios.find((r) => r.checked);

  const syncMoveButtons = () => {
    const all = items();
    all.forEach((li, i) => {
      li.querySelector('[data-move="up"]')!.setAttribute('aria-disabled', String(i === 0));
      li.querySelector('[data-move="down"]')!.setAttribute('aria-disabled', String(i === all.length - 1));
    });
  };

  const say = (text: string, result?: 'right' | 'wrong') => {
    // `code` spans as <code> nodes; the text is the course's own, but never parsed as markup.
    feedback.replaceChildren(
      ...inlineParts(text).map((part) => {
        if (!part.code) return document.createTextNode(part.text);
        const code = document.createElement('code');
        code.textContent = part.text;
        return code;
      }),
    );
    if (result) feedback.dataset.result = result;
    else delete feedback.dataset.result;
  };

  /** Shows how an answer fares; returns whether it is right. */
  const show = (answer: string[] | string, revealed: boolean): boolean => {
    let correct: boolean;
    if (kind === 'order') {
      const grade = gradeOrder(answer as string[], expected as string[]);
      correct = grade.correct;
      say(orderFeedbackWithReason(grade, answer as string[], models), correct ? 'right' : 'wrong');
    } else {
      correct = radios.findIndex((r) => r.value === String(expected)) === radios.findIndex((r) => r.checked);
      say(choiceFeedback(correct), correct ? 'right' : 'wrong');
    }
    explanation.hidden = !(correct || revealed);
    reveal.hidden = correct || revealed;
    return correct;
  };

  const save = (answer: string[] | string, correct: boolean, revealed: boolean, tried: boolean) => {
    record = { answer, correct, revealed, tries: (record?.tries ?? 0) + (tried ? 1 : 0) };
    quizProgress.save(id, record);
  };

  const current = (): string[] | string | undefined => {
    if (kind === 'order') return order();
    const r = choice();
    return r ? r.closest('label')!.textContent!.trim() : undefined;
  };

  // Restore the last checked answer, if it still fits the question.
  if (record) {
    if (kind === 'order' && list && Array.isArray(record.answer) && isPermutation(record.answer, expected as string[])) {
      const byLine = new Map<string, HTMLLIElement[]>();
      for (const li of items()) byLine.set(li.dataset.line!, [...(byLine.get(li.dataset.line!) ?? []), li]);
      for (const line of record.answer) list.append(byLine.get(line)!.shift()!);
      show(record.answer, record.revealed ?? false);
    } else if (kind === 'choice' && typeof record.answer === 'string') {
      const radio = radios.find((r) => r.closest('label')!.textContent!.trim() === record!.answer);
      if (radio) {
        radio.checked = true;
        show(record.answer, record.revealed ?? false);
      }
    }
  }
  syncMoveButtons();

  root.addEventListener('click', (event) => {
    const button = (event.target as Element).closest('button');
    if (!button || !root.contains(button)) return;
    const move = button.dataset.move;
    if (move && list) {
      if (button.getAttribute('aria-disabled') === 'true') return;
      const li = button.closest('li')!;
      if (move === 'up' && li.previousElementSibling) list.insertBefore(li, li.previousElementSibling);
      if (move === 'down' && li.nextElementSibling) list.insertBefore(li.nextElementSibling, li);
      syncMoveButtons();
      button.focus();
      const position = items().indexOf(li) + 1;
      if (moved) moved.textContent = `${li.dataset.line} is now line ${position} of ${items().length}.`;
      say('');
      return;
    }
    const action = button.dataset.action;
    if (action === 'check') {
      const answer = current();
      if (answer === undefined) {
        say('Pick an answer first.');
        return;
      }
      const correct = show(answer, record?.revealed ?? false);
      save(answer, correct, record?.revealed ?? false, true);
    } else if (action === 'reveal') {
      explanation.hidden = false;
      reveal.hidden = true;
      say('Here is the answer, from a run of the code.');
      const answer = current();
      if (answer !== undefined) save(answer, record?.correct ?? false, true, false);
      explanation.focus?.();
    }
  });

  for (const radio of radios) radio.addEventListener('change', () => say(''));
}
