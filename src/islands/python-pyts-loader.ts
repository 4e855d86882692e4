/**
 * The one script a page with Python/TypeScript pairs loads up front: a
 * click listener. "Run Python" imports the Python island (and, through it,
 * Pyodide) only when clicked, so a lesson's first load carries nothing of
 * Python.
 */
document.addEventListener('click', (event) => {
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
