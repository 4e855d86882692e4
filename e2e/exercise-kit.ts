/**
 * Helpers for the exercise and sandbox browser tests: open an exercise, type
 * into the editor, press Run or Check and wait for the island to finish, and
 * read a verdict from the CLI to compare with the page's.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exerciseIds, loadExercise } from '../src/lib/node/exercises.ts';
import { expect, type Locator, type Page } from '@playwright/test';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const EXERCISES_DIR = `${ROOT}content/exercises/`;

/** Exercise folders on disk, found and checked by the CLI's registry (the same rules as the build's). */
export function exerciseIdsOnDisk(): string[] {
  return exerciseIds();
}

/** Exercise ids linked from /exercises/, in page order. */
export async function exerciseIdsFromSite(page: Page): Promise<string[]> {
  await page.goto('/exercises/');
  const links = page.getByRole('main').getByRole('link');
  const hrefs = await links.evaluateAll((els) => els.map((el) => new URL((el as HTMLAnchorElement).href).pathname));
  return hrefs.filter((h) => /^\/exercises\/[^/]+\/$/.test(h)).map((h) => h.split('/')[2]!);
}

export function readExerciseFile(id: string, file: string): string {
  return readFileSync(`${EXERCISES_DIR}${id}/${file}`, 'utf8');
}

export interface WrongFixture {
  file: string;
  check: string;
  phrase: string;
}

/** Wrong answers with their expectations; runaway ones (check `runs`) last, as they take the whole budget. */
export function wrongFixtures(id: string): WrongFixture[] {
  return loadExercise(id)
    .wrong.map((w) => ({ file: `content/exercises/${id}/${relative(`${EXERCISES_DIR}${id}`, w.file)}`, ...w.expect }))
    .sort((a, b) => Number(a.check === 'runs') - Number(b.check === 'runs'));
}

export interface CliCheck {
  id: string;
  title: string;
  passed: boolean;
  message: string;
}

/** The CLI's verdict for a file, from `scripts/check-exercise.ts --json`, run by this same Node. */
export function cliVerdict(id: string, file: string): { passed: boolean; summary: string; checks: CliCheck[] } {
  const result = spawnSync(process.execPath, ['scripts/check-exercise.ts', id, file, '--json'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  if (result.status !== 0 && result.status !== 1) throw new Error(`check-exercise failed (${result.status}): ${result.stderr}`);
  return JSON.parse(result.stdout);
}

/** How long the island may take to arrive (generous: CI machines can be busy). */
export const ISLAND_TIMEOUT = 20_000;

/** Scrolls a panel into view and waits for its island (the editor) to be up. */
export async function openPanel(panel: Locator): Promise<void> {
  await panel.scrollIntoViewIfNeeded();
  await expect(editor(panel)).toBeVisible({ timeout: ISLAND_TIMEOUT });
}

export const editor = (page: Page | Locator) => page.getByRole('textbox', { name: 'Code editor' });
export const output = (page: Page | Locator) => page.getByRole('region', { name: 'Output' });
export const results = (page: Page | Locator) => page.getByRole('region', { name: 'Check results' });

/** Opens an exercise page and waits for its island (the editor) to be up. */
export async function openExercise(page: Page, id: string): Promise<void> {
  await page.goto(`/exercises/${id}/`);
  await expect(editor(page)).toBeVisible({ timeout: ISLAND_TIMEOUT });
}

/**
 * Replaces the editor's text, as a learner pasting it would, and waits until
 * the editor shows it (tried again if the editor redrew while the text went in).
 */
export async function setCode(scope: Page | Locator, code: string): Promise<void> {
  const marker = code
    .split('\n')
    .map((l) => l.trim())
    .reduce((a, b) => (b.length > a.length ? b : a), '');
  await expect(async () => {
    await editor(scope).fill(code);
    await expect(editor(scope)).toContainText(marker, { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
}

/** Presses Run or Check and waits until the island is idle again. */
export async function press(scope: Page | Locator, button: 'Run' | 'Check', timeout = 20_000): Promise<void> {
  await scope.getByRole('button', { name: button, exact: true }).click();
  await expect(output(scope)).toHaveAttribute('aria-busy', 'false', { timeout });
}

