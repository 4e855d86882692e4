import { describe, expect, test } from 'vitest';
import { isSupportedBrowser, type BrowserHints } from '../src/lib/runtime/supported-browser.ts';

const UA = {
  chromeLinux: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36',
  headless: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36',
  edgeWindows: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36 Edg/140.0.0.0',
  chromeMac: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36',
  firefoxWindows: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:140.0) Gecko/20100101 Firefox/140.0',
  firefoxMac: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:140.0) Gecko/20100101 Firefox/140.0',
  safariMac: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15',
  safariIphone: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1',
  chromeIphone: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/140.0.0.0 Mobile/15E148 Safari/604.1',
  firefoxIpad: 'Mozilla/5.0 (iPad; CPU OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) FxiOS/140.0 Mobile/15E148 Safari/605.1.15',
  chromeAndroid: 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Mobile Safari/537.36',
  firefoxAndroid: 'Mozilla/5.0 (Android 14; Mobile; rv:140.0) Gecko/140.0 Firefox/140.0',
};

describe('isSupportedBrowser', () => {
  test.each<[string, BrowserHints, boolean]>([
    ['Chrome on Linux', { userAgent: UA.chromeLinux }, true],
    ['headless Chromium (the e2e browser)', { userAgent: UA.headless }, true],
    ['Edge on Windows', { userAgent: UA.edgeWindows }, true],
    ['Chrome on a Mac', { userAgent: UA.chromeMac, maxTouchPoints: 0 }, true],
    ['Firefox on Windows', { userAgent: UA.firefoxWindows }, true],
    ['Firefox on a Mac', { userAgent: UA.firefoxMac }, true],
    ['Safari on a Mac', { userAgent: UA.safariMac, maxTouchPoints: 0 }, false],
    ['Safari on an iPhone', { userAgent: UA.safariIphone, maxTouchPoints: 5 }, false],
    ['Chrome on an iPhone (WebKit underneath)', { userAgent: UA.chromeIphone, maxTouchPoints: 5 }, false],
    ['Firefox on an iPad (WebKit underneath)', { userAgent: UA.firefoxIpad, maxTouchPoints: 5 }, false],
    ['iPadOS asking for the desktop site (Mac user agent, touch screen)', { userAgent: UA.safariMac, maxTouchPoints: 5 }, false],
    ['Chrome on Android', { userAgent: UA.chromeAndroid, mobile: true }, false],
    ['Firefox on Android', { userAgent: UA.firefoxAndroid }, false],
    ['Chromium that says it is mobile (userAgentData)', { userAgent: UA.chromeLinux, mobile: true }, false],
    ['an empty user agent', { userAgent: '' }, false],
  ])('%s → %s', (_name, hints, expected) => {
    expect(isSupportedBrowser(hints)).toBe(expected);
  });
});
