/**
 * Highlighting options for Astro's <Code>, the same as Markdown code blocks
 * get from astro.config.mjs (markdown.shikiConfig), so a snippet shown by a
 * component looks like one written in a fence. test/lesson-components.test.ts
 * keeps the two in step.
 */
export const CODE_THEMES = { light: 'github-light-default', dark: 'github-dark-default' } as const;

/** Emit `color: light-dark(a, b)` so code follows the page's color-scheme. */
export const CODE_DEFAULT_COLOR = 'light-dark()';
