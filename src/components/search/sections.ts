/**
 * Which part of a page a search result should open: Pagefind splits each
 * result into sub-results, one per heading (with an `id`) that has matches
 * under it, each with its own anchored URL and the weight of its matches.
 * The result links to the sub-result whose matches weigh most, so a learner
 * lands on the section that matched, not the top of a long lesson.
 * Pure (no DOM): tested in test/search-sections.test.ts.
 */

/** The parts of Pagefind's sub-result that this reads (see pagefind's `PagefindSubResult`). */
export interface SubResult {
  title: string;
  url: string;
  excerpt: string;
  /** Present when the sub-result sits under a heading; absent for text before the first heading. */
  anchor?: { id?: string; element?: string };
  weighted_locations?: Array<{ weight: number; balanced_score: number; location: number }>;
}

export interface ResultData {
  url: string;
  excerpt: string;
  meta: { title?: string };
  sub_results?: SubResult[];
}

export interface ResultLink {
  /** Where the link goes: the page, or the page plus the matching heading's fragment. */
  href: string;
  /** The page's title. */
  title: string;
  /** The section's heading, when the link lands on one. */
  section?: string;
  /** Pagefind's excerpt (escaped text with <mark>s) for what the link lands on. */
  excerpt: string;
}

const weightOf = (sub: SubResult) => (sub.weighted_locations ?? []).reduce((sum, l) => sum + (Number.isFinite(l.balanced_score) ? l.balanced_score : 0), 0);

/** `lessons/x/index.html` or `/lessons/x/` → `/lessons/x/`, keeping any `#fragment`. */
export function cleanUrl(url: string): string {
  const hash = url.indexOf('#');
  const path = hash < 0 ? url : url.slice(0, hash);
  const fragment = hash < 0 ? '' : url.slice(hash);
  return path.replace(/\.html$/, '').replace(/\/index$/, '/') + fragment;
}

/** The link for one result: to its heaviest sub-result's section, or the page when no heading matched. */
export function resultLink(data: ResultData): ResultLink {
  const title = data.meta.title ?? data.url;
  let best: SubResult | undefined;
  for (const sub of data.sub_results ?? []) {
    // Ties keep the earlier section: the one a reader meets first.
    if (!best || weightOf(sub) > weightOf(best)) best = sub;
  }
  // Only a sub-result under a heading (with an anchor into the same page) moves the link.
  if (!best?.anchor?.id || !best.url.includes('#')) return { href: cleanUrl(data.url), title, excerpt: data.excerpt };
  const samePage = cleanUrl(best.url.split('#')[0]!) === cleanUrl(data.url);
  if (!samePage) return { href: cleanUrl(data.url), title, excerpt: data.excerpt };
  return { href: cleanUrl(best.url), title, section: best.title, excerpt: best.excerpt || data.excerpt };
}
