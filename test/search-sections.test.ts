import { describe, expect, test } from 'vitest';
import { cleanUrl, resultLink, type SubResult } from '../src/components/search/sections.ts';

const at = (...scores: number[]) => scores.map((balanced_score, location) => ({ weight: 1, balanced_score, location }));
const page = (sub_results?: SubResult[]) => ({ url: '/lessons/tasks/', excerpt: 'page <mark>gather</mark>', meta: { title: 'Tasks' }, sub_results });

describe('search results land on the section that matched', () => {
  test('the heaviest sub-result under a heading gives the link its fragment, title and excerpt', () => {
    const link = resultLink(
      page([
        { title: 'Tasks', url: '/lessons/tasks/', excerpt: 'intro', weighted_locations: at(1) },
        { title: 'Waiting for all', url: '/lessons/tasks/#waiting-for-all', anchor: { id: 'waiting-for-all', element: 'h2' }, excerpt: 'use <mark>gather</mark>', weighted_locations: at(2, 3) },
        { title: 'Key points', url: '/lessons/tasks/#key-points', anchor: { id: 'key-points', element: 'h2' }, excerpt: 'k', weighted_locations: at(1) },
      ]),
    );
    expect(link).toEqual({ href: '/lessons/tasks/#waiting-for-all', title: 'Tasks', section: 'Waiting for all', excerpt: 'use <mark>gather</mark>' });
  });

  test('matches mostly before the first heading keep the link on the page', () => {
    const link = resultLink(
      page([
        { title: 'Tasks', url: '/lessons/tasks/', excerpt: 'intro', weighted_locations: at(5) },
        { title: 'Later', url: '/lessons/tasks/#later', anchor: { id: 'later' }, excerpt: 'x', weighted_locations: at(1) },
      ]),
    );
    expect(link.href).toBe('/lessons/tasks/');
    expect(link.section).toBeUndefined();
  });

  test('equal weights keep the earlier section', () => {
    const link = resultLink(
      page([
        { title: 'First', url: '/lessons/tasks/#first', anchor: { id: 'first' }, excerpt: 'a', weighted_locations: at(2) },
        { title: 'Second', url: '/lessons/tasks/#second', anchor: { id: 'second' }, excerpt: 'b', weighted_locations: at(2) },
      ]),
    );
    expect(link.href).toBe('/lessons/tasks/#first');
  });

  test.each([
    ['no sub-results', undefined],
    ['an empty list', []],
    ['a sub-result pointing at another page', [{ title: 'Elsewhere', url: '/lessons/other/#x', anchor: { id: 'x' }, excerpt: 'e', weighted_locations: at(9) }]],
  ])('%s: the page itself', (_name, subs) => {
    expect(resultLink(page(subs as SubResult[] | undefined))).toEqual({ href: '/lessons/tasks/', title: 'Tasks', excerpt: 'page <mark>gather</mark>' });
  });

  test.each([
    ['/lessons/tasks/index.html', '/lessons/tasks/'],
    ['/cheatsheet.html', '/cheatsheet'],
    ['/lessons/tasks/index.html#waiting', '/lessons/tasks/#waiting'],
    ['/course/lessons/tasks/#a-b', '/course/lessons/tasks/#a-b'],
  ])('cleanUrl(%s) is %s', (url, clean) => {
    expect(cleanUrl(url)).toBe(clean);
  });
});
