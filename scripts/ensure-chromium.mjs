#!/usr/bin/env node
/**
 * Finds a Chromium for the browser tests, installing Debian's if need be.
 *
 * Order: $CHROMIUM_PATH, Playwright's own download (if one was installed),
 * then the usual system paths. `npx playwright install` is never required:
 * its download needs the internet, which CI machines may not have.
 * If none is found and we are root on a machine with apt-get, installs
 * Debian's `chromium` package; otherwise exits 1 saying how to get one.
 *
 * Imported by playwright.config.ts for `findChromium()`; run directly
 * (`node scripts/ensure-chromium.mjs`) before the browser tests.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** System locations tried after the env var and Playwright's own browser. */
export const SYSTEM_CHROMIUM_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

function isExecutable(path) {
  if (!path) return false;
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Playwright's downloaded Chromium, if `npx playwright install chromium` ever ran. */
async function playwrightChromium() {
  try {
    const { chromium } = await import('@playwright/test');
    const path = chromium.executablePath();
    return isExecutable(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The path of a usable Chromium, or undefined.
 * @returns {Promise<string | undefined>}
 */
export async function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (isExecutable(fromEnv)) return fromEnv;
    throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, which is not an executable file.`);
  }
  return (await playwrightChromium()) ?? SYSTEM_CHROMIUM_PATHS.find(isExecutable);
}

function canAptInstall() {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  return isRoot && spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
}

async function main() {
  let path = await findChromium();
  if (!path && canAptInstall()) {
    console.log('ensure-chromium: no Chromium found; installing Debian\'s "chromium" with apt-get…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', 'chromium'], { stdio: 'inherit', env });
    path = await findChromium();
  }
  if (!path) {
    console.error(
      [
        'ensure-chromium: no Chromium found for the browser tests.',
        'Get one in any of these ways, then run the tests again:',
        '  - Debian/Ubuntu: sudo apt-get install chromium   (then /usr/bin/chromium is used)',
        '  - with internet access: npx playwright install chromium',
        '  - or point CHROMIUM_PATH at a Chromium or Chrome executable.',
      ].join('\n'),
    );
    process.exit(1);
  }
  console.log(`ensure-chromium: using ${path}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await main();
}
