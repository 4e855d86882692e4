/**
 * The one statement of how code is highlighted: Markdown code blocks
 * (astro.config.mjs, markdown.shikiConfig), Astro's <Code> in components and
 * exercise Markdown (components/exercise/markdown.ts) all take these, so a
 * snippet shown by a component looks like one written in a fence.
 */

/**
 * GitHub's "default" pair: every token colour reaches WCAG AA (4.5:1) on its
 * own background, comments included (the older github-dark comment grey
 * does not).
 */
export const CODE_THEMES = { light: 'github-light-default', dark: 'github-dark-default' } as const;

/** Emit `color: light-dark(a, b)` so code follows the page's color-scheme (set by the theme) with no extra CSS or JS. */
export const CODE_DEFAULT_COLOR = 'light-dark()';
