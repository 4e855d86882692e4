// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

/**
 * Cross-origin isolation: WebContainer (and SharedArrayBuffer) need it.
 * The same headers are in public/_headers for static hosts.
 * CORP same-origin marks our own assets as embeddable only by us.
 */
const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export default defineConfig({
  integrations: [mdx()],
  // `astro dev` and `astro preview` both send these.
  server: { headers: isolationHeaders },
  // Lesson pages carry no JS of their own; nothing to prefetch.
  prefetch: false,
  devToolbar: { enabled: false },
  markdown: {
    shikiConfig: {
      // GitHub's "default" pair: every token colour reaches WCAG AA (4.5:1)
      // on its own background, comments included (the older github-dark
      // comment grey does not).
      themes: { light: 'github-light-default', dark: 'github-dark-default' },
      // Emit `color: light-dark(a, b)`, so code follows the page's
      // `color-scheme` (set by the theme) with no extra CSS or JS.
      defaultColor: 'light-dark()',
      wrap: false,
    },
  },
});
