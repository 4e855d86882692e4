import { describe, expect, test } from 'vitest';
import { inlineScripts, metaCsp, pageCsp, sha256Source, withMetaCsp } from '../src/lib/hosting/headers.ts';

const csp = pageCsp({ scriptHashes: [sha256Source('console.log(1)')] });

describe('the meta policy', () => {
  test('is the header policy less what a <meta> cannot carry', () => {
    expect(csp).toContain("frame-ancestors 'none'");
    const meta = metaCsp(csp);
    expect(meta).not.toContain('frame-ancestors');
    expect(meta).toContain("script-src 'self' 'sha256-");
    expect(meta).toContain("default-src 'none'");
  });

  test.each([
    ['after <meta charset>, before the first script', '<!doctype html><html><head><meta charset="utf-8" /><script>console.log(1)</script></head></html>'],
    ['after <head> when there is no charset', '<html><head><script>console.log(1)</script></head></html>'],
  ])('goes in %s', (_where, page) => {
    const out = withMetaCsp(page, csp);
    const meta = out.indexOf('<meta http-equiv="Content-Security-Policy"');
    expect(meta).toBeGreaterThan(0);
    expect(meta).toBeLessThan(out.indexOf('<script>'));
    expect(out.indexOf('charset')).toBeLessThan(1024);
    // The inline scripts, and so their hashes, are untouched.
    expect(inlineScripts(out)).toEqual(inlineScripts(page));
  });

  test('is written once', () => {
    const page = '<html><head><meta charset="utf-8"></head></html>';
    const once = withMetaCsp(page, csp);
    expect(withMetaCsp(once, csp)).toBe(once);
  });
});
