import { describe, expect, test } from 'vitest';
import { apiKeyFrom, parsePreference, webcontainerEnabled, webcontainerMode } from '../src/lib/runtime/preference.ts';

describe('parsePreference', () => {
  test.each([
    ['auto', 'auto'],
    ['browser', 'browser'],
    ['node', 'node'],
    [null, 'auto'],
    [undefined, 'auto'],
    ['', 'auto'],
    ['Node.js', 'auto'],
    ['{"v":1}', 'auto'],
  ] as const)('%j → %s', (stored, expected) => {
    expect(parsePreference(stored)).toBe(expected);
  });
});

describe('webcontainerEnabled (PUBLIC_WEBCONTAINER)', () => {
  test.each([
    [undefined, true],
    ['', true],
    ['on', true],
    ['true', true],
    ['off', false],
    ['OFF', false],
    [' false ', false],
    ['0', false],
    ['no', false],
    [false, false],
    [true, true],
  ] as const)('%j → %s', (value, expected) => {
    expect(webcontainerEnabled(value)).toBe(expected);
  });
});

describe('webcontainerMode (PUBLIC_WEBCONTAINER=auto|on-demand|off)', () => {
  test.each([
    [undefined, 'auto'],
    ['', 'auto'],
    ['auto', 'auto'],
    ['on', 'auto'],
    ['on-demand', 'on-demand'],
    [' On-Demand ', 'on-demand'],
    ['off', 'off'],
    ['no', 'off'],
    [false, 'off'],
    [true, 'auto'],
  ] as const)('%j → %s', (value, expected) => {
    expect(webcontainerMode(value)).toBe(expected);
  });
});

describe('apiKeyFrom (PUBLIC_WEBCONTAINER_API_KEY)', () => {
  test.each([
    [undefined, undefined],
    ['', undefined],
    ['   ', undefined],
    [' wc_api_abc ', 'wc_api_abc'],
  ] as const)('%j → %j', (value, expected) => {
    expect(apiKeyFrom(value)).toBe(expected);
  });
});
