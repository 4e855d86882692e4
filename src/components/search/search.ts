/**
 * Search over Pagefind's JS API, with a small UI of our own (a labelled
 * field, a status line, a list of links) so it follows the site's themes
 * and its keyboard and screen-reader behaviour. Nothing of Pagefind loads
 * until the dialog opens.
 */
import { resultLink, type ResultData } from './sections.ts';

interface PagefindResult {
  data(): Promise<ResultData>;
}
interface Pagefind {
  init?(): Promise<void>;
  debouncedSearch(query: string, options?: object, ms?: number): Promise<{ results: PagefindResult[] } | null>;
}

const BASE = import.meta.env.BASE_URL.replace(/\/$/, '');
let pagefind: Promise<Pagefind> | undefined;

function loadPagefind(): Promise<Pagefind> {
  // A path Vite must not bundle: the index exists only after the build.
  const url = `${BASE}/pagefind/pagefind.js`;
  return (pagefind ??= import(/* @vite-ignore */ url).then(async (mod: Pagefind) => {
    await mod.init?.();
    return mod;
  }));
}

/** True when "/" is being typed into something (a field, the editor). */
function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || !(el instanceof HTMLElement)) return false;
  return el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName) || !!el.closest('.cm-editor');
}

export function initSearch(): void {
  const dialog = document.querySelector<HTMLDialogElement>('[data-search-dialog]');
  const openButton = document.querySelector<HTMLButtonElement>('[data-search-open]');
  if (!dialog || !openButton) return;
  const input = dialog.querySelector<HTMLInputElement>('[data-search-input]')!;
  const status = dialog.querySelector<HTMLElement>('[data-search-status]')!;
  const list = dialog.querySelector<HTMLUListElement>('[data-search-results]')!;
  let opener: HTMLElement | null = null;

  const open = () => {
    if (dialog.open) return input.focus();
    opener = document.activeElement as HTMLElement | null;
    dialog.showModal();
    input.focus();
    input.select();
    loadPagefind().catch(() => {
      status.textContent = "Search couldn't load. Check your connection and try again.";
    });
  };

  openButton.addEventListener('click', open);
  dialog.querySelector('[data-search-close]')!.addEventListener('click', () => dialog.close());
  // A result may be a section of the page already open: following it must close the dialog too,
  // and leave focus where the browser puts it for the fragment, not back on the Search button above.
  let followed = false;
  list.addEventListener('click', (event) => {
    if (!(event.target as Element).closest('a')) return;
    followed = true;
    dialog.close();
  });
  dialog.addEventListener('close', () => {
    if (!followed) (opener ?? openButton).focus();
    followed = false;
  });
  // A click on the backdrop (outside the dialog's box) closes it.
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog) dialog.close();
  });
  // Esc in a search field would only clear it; here it closes the dialog, as everywhere else.
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      dialog.close();
    }
  });
  dialog.querySelector('form')!.addEventListener('submit', (event) => {
    event.preventDefault();
    list.querySelector('a')?.focus();
  });

  document.addEventListener('keydown', (event) => {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
    event.preventDefault();
    open();
  });

  let latest = 0;
  input.addEventListener('input', async () => {
    const query = input.value.trim();
    const ticket = ++latest;
    if (!query) {
      list.replaceChildren();
      status.textContent = '';
      return;
    }
    try {
      const api = await loadPagefind();
      const search = await api.debouncedSearch(query, {}, 200);
      if (!search || ticket !== latest) return; // a newer query replaced this one
      const data = await Promise.all(search.results.slice(0, 10).map((r) => r.data()));
      if (ticket !== latest) return;
      list.replaceChildren(...data.map(resultItem));
      const n = search.results.length;
      status.textContent = n === 0 ? `No results for “${query}”.` : `${n} ${n === 1 ? 'result' : 'results'} for “${query}”${n > 10 ? ', showing the first 10' : ''}.`;
    } catch {
      if (ticket === latest) status.textContent = "Search couldn't load. Check your connection and try again.";
    }
  });
}

/** One result: a link to the section that matched (sections.ts), and the excerpt from there. */
function resultItem(data: ResultData): HTMLLIElement {
  const link = resultLink(data);
  const li = document.createElement('li');
  const a = document.createElement('a');
  a.href = link.href;
  a.textContent = link.title;
  if (link.section && link.section !== link.title) {
    const section = document.createElement('span');
    section.className = 'search-section';
    section.textContent = ` › ${link.section}`;
    a.append(section);
  }
  const p = document.createElement('p');
  p.append(...excerptNodes(link.excerpt));
  li.append(a, p);
  return li;
}

/**
 * Pagefind's excerpt is escaped text with <mark> around the matches. It is
 * parsed in an inert document (nothing in it loads or runs) and only its
 * text and <mark>s are copied over, so even a doctored index can't add markup.
 */
function excerptNodes(excerpt: string): Node[] {
  const parsed = new DOMParser().parseFromString(`<!doctype html><body>${excerpt}`, 'text/html');
  return [...parsed.body.childNodes].map((node) => {
    if (node.nodeName !== 'MARK') return document.createTextNode(node.textContent ?? '');
    const mark = document.createElement('mark');
    mark.textContent = node.textContent;
    return mark;
  });
}
