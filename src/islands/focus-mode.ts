/**
 * "Focus" in a lesson: the exercise fills the window, in the split layout
 * (task and hints left, code and results right; src/styles/split.css) where
 * the window is wide enough, and Esc leaves. The panel is not moved or
 * rebuilt, only restyled, so the code, the output and the results stay as
 * they are. While focused, the rest of the page is inert, so Tab stays in the
 * exercise; leaving puts the page back where it was.
 */
export function attachFocusMode(root: HTMLElement, relayout: () => void): void {
  const panel = root.closest<HTMLElement>('section.wb-exercise');
  const toolbar = root.querySelector('.wb-toolbar');
  // The exercise page is already laid out side by side.
  if (!panel || !toolbar || panel.closest('.wb-split')) return;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'wb-btn wb-focus-toggle';
  button.textContent = 'Focus';
  button.title = 'Work on this exercise beside its task, full window (Esc leaves)';
  button.setAttribute('aria-pressed', 'false');
  toolbar.append(button);

  let inerted: HTMLElement[] = [];
  let scrollY = 0;

  const onKey = (event: KeyboardEvent) => {
    // The editor's Esc (stop editing) and the confirm step's come first.
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    if ((event.target as Element | null)?.closest?.('dialog')) return;
    event.preventDefault();
    leave();
  };

  const enter = () => {
    scrollY = window.scrollY;
    panel.setAttribute('data-focus', '');
    button.setAttribute('aria-pressed', 'true');
    // Everything outside the panel, at each level up to <body>, is inert while focused.
    for (let node: HTMLElement = panel; node.parentElement && node !== document.body; node = node.parentElement) {
      for (const sibling of node.parentElement.children) {
        if (sibling !== node && sibling instanceof HTMLElement && !sibling.inert) {
          sibling.inert = true;
          inerted.push(sibling);
        }
      }
    }
    document.addEventListener('keydown', onKey);
    panel.scrollTop = 0;
    relayout();
  };

  const leave = () => {
    panel.removeAttribute('data-focus');
    button.setAttribute('aria-pressed', 'false');
    for (const el of inerted) el.inert = false;
    inerted = [];
    document.removeEventListener('keydown', onKey);
    window.scrollTo({ top: scrollY, behavior: 'instant' });
    relayout();
    button.focus();
  };

  button.addEventListener('click', () => (panel.hasAttribute('data-focus') ? leave() : enter()));
}
