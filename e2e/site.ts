/**
 * Shared helpers for the browser tests: page discovery and theme control.
 * Pages are discovered from the built site itself (the course map's links),
 * so a new lesson is covered by every test without touching this folder.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';

export const NOT_FOUND_PATH = '/404.html';

/** Lesson URLs in the order the course map lists them. */
export async function lessonPaths(page: Page): Promise<string[]> {
  await page.goto('/');
  const links = page.getByRole('region', { name: 'Course map' }).getByRole('link');
  const hrefs = await links.evaluateAll((els) => els.map((el) => new URL((el as HTMLAnchorElement).href).pathname));
  expect(hrefs.length, 'the course map lists at least one lesson').toBeGreaterThan(0);
  return hrefs;
}

/** Every page of the site: the course map, each lesson, and the 404 page. */
export async function allPaths(page: Page): Promise<string[]> {
  return ['/', ...(await lessonPaths(page)), NOT_FOUND_PATH];
}

/**
 * Lesson slugs straight from content/lessons/, sorted by frontmatter
 * `order`: what the course map and prev/next links must agree with.
 */
export function lessonSlugsFromSource(): string[] {
  const dir = new URL('../content/lessons/', import.meta.url);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.mdx'))
    .map((name) => {
      const text = readFileSync(new URL(name, dir), 'utf8');
      const order = Number(/^order:\s*(\d+)\s*$/m.exec(text)?.[1]);
      return { order, slug: name.replace(/^\d+-/, '').replace(/\.mdx$/, '') };
    })
    .sort((a, b) => a.order - b.order)
    .map((l) => l.slug);
}

export type Theme = 'light' | 'dark';
export const THEMES: Theme[] = ['light', 'dark'];

/** The theme the page shows right now, read from its resolved colour scheme. */
export function shownTheme(page: Page): Promise<Theme> {
  return page.evaluate(() => {
    const bg = getComputedStyle(document.body).backgroundColor;
    const [r = 0, g = 0, b = 0] = (bg.match(/\d+(\.\d+)?/g) ?? []).map(Number);
    return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128 ? 'dark' : 'light';
  });
}

/**
 * WebContainer loads its runtime from StackBlitz. Machines without the
 * internet (like CI here) can't reach it: the boot times out and the page
 * falls back to the browser runtime, which e2e/webcontainer-fallback tests.
 * Other tests ignore those failed requests, and only those.
 */
export const WEBCONTAINER_ORIGINS = /^https:\/\/([\w-]+\.)*(stackblitz\.com|webcontainer-api\.io|webcontainer\.io)(\/|$)/;
