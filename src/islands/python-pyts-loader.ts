/**
 * The one script a page with Python/TypeScript pairs or Python exercises
 * loads up front: a few listeners. "Run Python" and Stop (a pair), the
 * "Language" choice and Python's Run, Check and Stop (an exercise) import their island (and,
 * through it, Pyodide) only when used, so a page's first load carries
 * nothing of Python.
 */
document.addEventListener('change', (event) => {
  const input = event.target as HTMLInputElement | null;
  const root = input?.matches?.('input[data-py-lang]') ? input.closest<HTMLElement>('[data-py-exercise]') : null;
  if (!root || !input) return;
  void import('./python-exercise.ts').then((island) => island.chooseLanguage(root, input.value));
});
document.addEventListener('click', (event) => {
  const button = (event.target as Element | null)?.closest?.<HTMLButtonElement>('button[data-py-action]');
  const root = button?.closest<HTMLElement>('[data-py-exercise]');
  if (!button || !root) return;
  const status = root.querySelector('[data-py-status]');
  import('./python-exercise.ts').then(
    (island) => island.act(root, button.dataset.pyAction ?? 'run'),
    () => {
      if (status) status.textContent = "Python couldn't load (are you offline?). Reload the page to try again.";
    },
  );
});
document.addEventListener('click', (event) => {
  // Stop shows only while a run is under way, so the island is already loaded.
  if ((event.target as Element | null)?.closest?.('button[data-pyts-stop]')) void import('./python-pyts.ts').then((island) => island.stopPair());
  const button = (event.target as Element | null)?.closest?.<HTMLButtonElement>('button[data-pyts-run]');
  if (!button || button.getAttribute('aria-disabled') === 'true') return;
  import('./python-pyts.ts').then(
    (island) => island.runPair(button),
    () => {
      const status = button.closest('[data-pyts-run-area]')?.querySelector('[data-pyts-status]');
      if (status) status.textContent = "Python couldn't load (are you offline?). Reload the page to try again.";
    },
  );
});
