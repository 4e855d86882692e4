/**
 * An exercise passed on an earlier visit says so when the page opens:
 * "Passed" in its Check results, instead of the "Press Check…" prompt, so a
 * reload doesn't look as if the work were lost. Check replaces it as usual.
 */
import { getProgress } from './progress.ts';

export function wasPassed(id: string): boolean {
  const exercises = getProgress().exercises;
  return Object.hasOwn(exercises, id) && exercises[id]!.passed === true;
}

export function showEarlierPass(results: HTMLElement | null, id: string): boolean {
  if (!results || !wasPassed(id)) return false;
  const p = document.createElement('p');
  p.className = 'wb-placeholder wb-passed-before';
  const strong = document.createElement('strong');
  strong.textContent = 'Passed';
  p.append(strong, ' on an earlier visit. Check runs the checks on your code again whenever you like.');
  results.replaceChildren(p);
  return true;
}
