import { defineConfig, devices } from '@playwright/test';
import { findChromium } from './scripts/ensure-chromium.mjs';

/** Port of the preview server the browser tests run against. */
const port = Number(process.env.E2E_PORT ?? 4399);
const baseURL = `http://127.0.0.1:${port}`;

// `npm run test:e2e` runs scripts/ensure-chromium.mjs first, which installs
// or explains; here we only look one up.
const executablePath = await findChromium();
if (!executablePath) {
  throw new Error('No Chromium found: run `node scripts/ensure-chromium.mjs` for how to get one.');
}

const browserUse = {
  ...devices['Desktop Chrome'],
  // The offline service worker would download the whole precache in every test's fresh context;
  // the specs about it (offline, subpath) allow it with test.use({ serviceWorkers: 'allow' }).
  serviceWorkers: 'block' as const,
  launchOptions: {
    executablePath,
    // Flags that work on CI containers and offline machines.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  },
};

export default defineConfig({
  testDir: './e2e',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // Per test. Generous: CI machines may be busy, and no test asserts on time.
  timeout: 90_000,
  // Two cores on CI; more workers only contend with the preview server.
  workers: 2,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL,
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      // Timing-sensitive specs (`*.alone.spec.ts`) run in the project below, on their own.
      testIgnore: /\.alone\.spec\.ts$/,
      use: browserUse,
    },
    {
      // After everything else, with no other test competing for the two cores: a
      // learner's runaway loop holds one core, and the page's main thread must stay
      // free of long tasks on the other (e2e/sandbox-runaway.alone.spec.ts).
      name: 'chromium-alone',
      testMatch: /\.alone\.spec\.ts$/,
      dependencies: ['chromium'],
      // One at a time, or two of these would compete with each other instead.
      workers: 1,
      // Their long-task checks read real time. A page that really freezes fails
      // every try; a busy machine (a shared CI host) only now and then.
      retries: 2,
      use: browserUse,
    },
  ],
  // The tests run against the production build, served by `astro preview`
  // (which sends the cross-origin isolation headers, like the dev server).
  webServer: {
    command: `npm run build && npm run preview -- --host 127.0.0.1 --port ${port}`,
    url: baseURL,
    timeout: 180_000,
    // Set E2E_REUSE_SERVER=1 to test against a preview you already started.
    reuseExistingServer: process.env.E2E_REUSE_SERVER === '1',
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
