/**
 * Benchmark helpers that need the built site served: what each page loads
 * before any interaction (compressed), and Lighthouse's mobile scores.
 * They report figures; nothing here passes or fails on time.
 */
import { chromium, type Browser } from '@playwright/test';
import { gzipSync } from 'node:zlib';
import { findChromium } from '../ensure-chromium.mjs';

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function launch(): Promise<{ browser: Browser; executablePath: string }> {
  const executablePath = await findChromium();
  if (!executablePath) throw new Error('No Chromium found: run `node scripts/ensure-chromium.mjs`.');
  return { browser: await chromium.launch({ executablePath, args: CHROMIUM_ARGS }), executablePath };
}

export interface PageWeight {
  path: string;
  /** gzip bytes of every response loaded before interaction (HTML, CSS, JS, images, fonts). */
  totalBytes: number;
  /** gzip bytes of JavaScript: external scripts and workers loaded, plus inline scripts. */
  jsBytes: number;
  requests: number;
}

const gz = (body: Buffer | string) => gzipSync(body, { level: 9 }).length;

/** Loads the page at 375 px wide, waits for the network to settle, sums what came. */
export async function pageWeight(browser: Browser, baseURL: string, path: string): Promise<PageWeight> {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const bodies: Array<Promise<{ js: boolean; bytes: number }>> = [];
  page.on('response', (response) => {
    if (response.status() >= 300) return;
    const type = response.headers()['content-type'] ?? '';
    const js = /javascript|ecmascript/.test(type) || /\.m?js(\?|$)/.test(response.url());
    bodies.push(
      response
        .body()
        .then((body) => ({ js, bytes: gz(body) }))
        .catch(() => ({ js, bytes: 0 })),
    );
  });
  await page.goto(new URL(path, baseURL).href, { waitUntil: 'networkidle' });
  await page.waitForTimeout(500);
  const inlineJs = await page.evaluate(() =>
    [...document.querySelectorAll('script:not([src])')].map((s) => s.textContent ?? '').join('\n'),
  );
  const loaded = await Promise.all(bodies);
  await context.close();
  const inlineBytes = inlineJs ? gz(inlineJs) : 0;
  return {
    path,
    totalBytes: loaded.reduce((sum, r) => sum + r.bytes, 0),
    // Inline scripts travel inside the HTML (already in the total); they count towards JS too.
    jsBytes: loaded.filter((r) => r.js).reduce((sum, r) => sum + r.bytes, 0) + inlineBytes,
    requests: loaded.length,
  };
}

export interface LighthouseScores {
  path: string;
  performance: number;
  accessibility: number;
  bestPractices: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
}

/** Lighthouse, mobile preset (its default), in the same Chromium as the tests. */
export async function lighthouseScores(executablePath: string, baseURL: string, path: string): Promise<LighthouseScores> {
  const { launch: launchChrome } = await import('chrome-launcher');
  const { default: lighthouse } = await import('lighthouse');
  const chrome = await launchChrome({ chromePath: executablePath, chromeFlags: ['--headless=new', ...CHROMIUM_ARGS] });
  try {
    const result = await lighthouse(new URL(path, baseURL).href, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices'],
    });
    if (!result) throw new Error(`Lighthouse returned nothing for ${path}`);
    const { categories, audits } = result.lhr;
    const score = (key: string) => Math.round((categories[key]?.score ?? 0) * 100);
    return {
      path,
      performance: score('performance'),
      accessibility: score('accessibility'),
      bestPractices: score('best-practices'),
      lcpMs: Math.round(audits['largest-contentful-paint']?.numericValue ?? 0),
      tbtMs: Math.round(audits['total-blocking-time']?.numericValue ?? 0),
      cls: Math.round((audits['cumulative-layout-shift']?.numericValue ?? 0) * 1000) / 1000,
    };
  } finally {
    chrome.kill();
  }
}
