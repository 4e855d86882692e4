import { describe, expect, test } from 'vitest';
import { compressToEncodedURIComponent } from 'lz-string';
import {
  decodeShare,
  encodeShare,
  MALFORMED_MESSAGE,
  MAX_CODE_BYTES,
  sharePayload,
  shareUrl,
  TOO_LONG_LINK_MESSAGE,
  TOO_LONG_MESSAGE,
} from '../src/lib/share/link.ts';

const payloadOf = (fragment: string) => sharePayload(`#${fragment}`)!;

describe('share links', () => {
  test.each([
    ['plain code', 'async function main() {\n  await sleep(1000);\n}\n'],
    ['markup-looking text stays text', '<img src=x onerror=alert(1)>\n// </script><script>alert(2)</script>'],
    ['unicode and emoji', 'console.log("café ☕ 🚀 — 日本語");'],
    ['empty code', ''],
    ['exactly the cap', 'x'.repeat(MAX_CODE_BYTES)],
  ])('round-trips %s', (_name, code) => {
    const encoded = encodeShare('first-coroutine', code);
    expect(encoded.ok).toBe(true);
    if (!encoded.ok) return;
    expect(encoded.value).toMatch(/^share=[A-Za-z0-9+\-$]*$/);
    expect(decodeShare(payloadOf(encoded.value))).toEqual({ ok: true, value: { v: 1, exercise: 'first-coroutine', code } });
  });

  test('code over 8 KB (counted in UTF-8 bytes) is refused when sharing', () => {
    expect(encodeShare('first-coroutine', 'x'.repeat(MAX_CODE_BYTES + 1))).toEqual({ ok: false, message: TOO_LONG_MESSAGE });
    // 3 bytes a character: 2,731 characters is over 8 KB.
    expect(encodeShare('first-coroutine', '日'.repeat(2731)).ok).toBe(false);
  });

  test('a hand-made link with over 8 KB of code is refused when opened', () => {
    const payload = compressToEncodedURIComponent(JSON.stringify({ v: 1, exercise: 'fetch-all', code: 'a'.repeat(MAX_CODE_BYTES + 1) }));
    expect(decodeShare(payload)).toEqual({ ok: false, message: TOO_LONG_LINK_MESSAGE });
    expect(decodeShare('A'.repeat(30_000))).toEqual({ ok: false, message: TOO_LONG_LINK_MESSAGE });
  });

  const long = encodeShare('fetch-all', 'const a = 1;\n'.repeat(40));
  const cutOff = long.ok ? payloadOf(long.value).slice(0, 20) : '';
  const compress = (value: unknown) => compressToEncodedURIComponent(typeof value === 'string' ? value : JSON.stringify(value));
  test.each([
    ['not lz-string at all', '%%%not-a-link'],
    ['cut off half way', cutOff],
    ['not JSON', compress('just some words')],
    ['a later version', compress({ v: 2, exercise: 'fetch-all', code: 'x' })],
    ['code that is not a string', compress({ v: 1, exercise: 'fetch-all', code: { toString: 1 } })],
    ['an exercise id with markup', compress({ v: 1, exercise: '<b>x</b>', code: 'x' })],
    ['an exercise id with a path', compress({ v: 1, exercise: '../../admin', code: 'x' })],
    ['an empty payload', ''],
  ])('%s is refused with a plain message', (_name, payload) => {
    expect(decodeShare(payload)).toEqual({ ok: false, message: MALFORMED_MESSAGE });
  });

  test('a fragment that is not a share link is left alone', () => {
    expect(sharePayload('#hints')).toBeUndefined();
    expect(sharePayload('')).toBeUndefined();
    expect(sharePayload('#share=abc')).toBe('abc');
  });

  test.each([
    ['/', 'http://localhost:4321/exercises/fetch-all/#share=x'],
    ['/course/', 'http://localhost:4321/course/exercises/fetch-all/#share=x'],
    ['/course', 'http://localhost:4321/course/exercises/fetch-all/#share=x'],
  ])('the link opens the exercise page under base %s', (base, url) => {
    expect(shareUrl('http://localhost:4321', base, 'fetch-all', 'share=x')).toBe(url);
  });
});
