/**
 * "Share" in an exercise's workbench: a link to the exercise page with the
 * learner's code in its fragment (src/lib/share/link.ts), and, on the page a
 * link opens, the shared code beside the learner's own, as text, with
 * "Use this code". Nothing is run, and nothing reaches the editor or the
 * saved progress, until the learner presses that button.
 *
 * lz-string and the schema load only when a link is made or opened.
 */
import './share.css';

type Link = typeof import('../lib/share/link.ts');
let linkModule: Promise<Link> | undefined;
const loadLink = () => (linkModule ??= import('../lib/share/link.ts'));

export interface ShareHost {
  /** The workbench element (`.wb`), holding `.wb-toolbar` and `[data-panes]`. */
  root: HTMLElement;
  /** Exercise id. */
  exercise: string;
  /** The editor's code now. */
  code(): string;
  /** Puts code into the editor (an undoable edit, saved like typing). */
  use(code: string): void;
  /** The panel's visible notice (a status region); undefined clears it. */
  notice(text: string | undefined): void;
  /** A screen-reader announcement. */
  announce(text: string): void;
}

/** Only one panel on a page reports a broken link (a lesson can hold several exercises). */
let brokenLinkReported = false;

export function attachShare(host: ShareHost): void {
  const toolbar = host.root.querySelector('.wb-toolbar');
  if (!toolbar) return;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'wb-btn';
  button.textContent = 'Share';
  button.title = 'Copy a link to this code';
  toolbar.append(button);
  button.addEventListener('click', () => void share(host, button));
  void openSharedLink(host);
}

async function share(host: ShareHost, button: HTMLButtonElement): Promise<void> {
  const { encodeShare, shareUrl } = await loadLink();
  const encoded = encodeShare(host.exercise, host.code());
  if (!encoded.ok) {
    host.notice(encoded.message);
    host.announce(encoded.message);
    return;
  }
  const url = shareUrl(location.origin, import.meta.env.BASE_URL, host.exercise, encoded.value);
  const field = linkField(host, button);
  field.value = url;
  let copied = false;
  try {
    await navigator.clipboard.writeText(url);
    copied = true;
  } catch {
    // No clipboard (permission refused, an insecure origin): the field below holds the link to copy by hand.
  }
  field.select();
  const said = copied ? 'Link copied. Anyone who opens it sees your code beside theirs; it never replaces their code unless they ask.' : 'Copy the link below to share your code.';
  host.notice(said);
  host.announce(said);
}

/** The link, shown in a read-only field below the toolbar, so it can be copied by hand too. */
function linkField(host: ShareHost, button: HTMLButtonElement): HTMLInputElement {
  const existing = host.root.querySelector<HTMLInputElement>('.wb-share-link input');
  if (existing) return existing;
  const wrap = document.createElement('p');
  wrap.className = 'wb-share-link';
  const label = document.createElement('label');
  label.textContent = 'Share link';
  const input = document.createElement('input');
  input.type = 'text';
  input.readOnly = true;
  input.spellcheck = false;
  label.append(input);
  wrap.append(label);
  button.closest('.wb-toolbar')!.after(wrap);
  return input;
}

async function openSharedLink(host: ShareHost): Promise<void> {
  const { sharePayload, decodeShare } = await loadLink();
  const payload = sharePayload(location.hash);
  if (payload === undefined) return;
  const decoded = decodeShare(payload);
  if (!decoded.ok) {
    if (brokenLinkReported) return;
    brokenLinkReported = true;
    host.notice(decoded.message);
    return;
  }
  // A link carries one exercise's code; other panels on the page leave it alone.
  if (decoded.value.exercise !== host.exercise) return;
  showShared(host, decoded.value.code);
}

/** The shared code as text in a pane beside the editor, with "Use this code" and "Dismiss". */
function showShared(host: ShareHost, code: string): void {
  const panes = host.root.querySelector('[data-panes]');
  if (!panes) return;
  const pane = document.createElement('div');
  pane.className = 'wb-pane wb-shared';
  pane.setAttribute('role', 'region');
  pane.setAttribute('aria-label', 'Shared code');
  const label = document.createElement('p');
  label.className = 'wb-pane-label';
  label.textContent = 'Shared code (read-only)';
  const pre = document.createElement('pre');
  pre.className = 'wb-shared-code';
  // Scrollable, so reachable by keyboard.
  pre.tabIndex = 0;
  const codeEl = document.createElement('code');
  codeEl.textContent = code;
  pre.append(codeEl);
  const actions = document.createElement('p');
  actions.className = 'wb-shared-actions';
  const use = document.createElement('button');
  use.type = 'button';
  use.className = 'wb-btn wb-primary';
  use.textContent = 'Use this code';
  const dismiss = document.createElement('button');
  dismiss.type = 'button';
  dismiss.className = 'wb-btn';
  dismiss.textContent = 'Dismiss';
  actions.append(use, dismiss);
  pane.append(label, pre, actions);
  panes.append(pane);
  const ownLabel = host.root.querySelector<HTMLElement>('[data-pane-label]');
  if (ownLabel) ownLabel.hidden = false;
  host.notice('Someone shared code for this exercise: it is shown beside yours and has not been run. Your code is unchanged.');

  const close = () => {
    pane.remove();
    // "Your code" stays labelled while the solution is open beside it.
    if (ownLabel) ownLabel.hidden = !host.root.querySelector('[data-solution-pane]:not([hidden])');
    // Reloading the page should not bring the shared code back once it is dealt with.
    history.replaceState(history.state, '', location.pathname + location.search);
  };
  use.addEventListener('click', () => {
    host.use(code);
    close();
    host.notice('The shared code is in your editor now. Ctrl+Z in the editor brings yours back.');
    host.announce('The shared code is in your editor now.');
  });
  dismiss.addEventListener('click', () => {
    close();
    host.notice(undefined);
  });
}
