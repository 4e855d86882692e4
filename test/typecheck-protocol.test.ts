/**
 * The editor checks every answer from the type checker's worker before using
 * it (src/lib/typecheck/protocol.ts): well-formed answers pass unchanged,
 * anything else is refused.
 */
import { describe, expect, test } from 'vitest';
import { parseResult } from '../src/lib/typecheck/protocol.ts';

const diagnostic = { from: 1, to: 4, line: 1, column: 2, severity: 'error', message: 'm', code: 2322, source: 'typescript' };

describe('parseResult', () => {
  test.each([
    ['diagnostics', [diagnostic, { ...diagnostic, code: 'floating-promise', source: 'course', severity: 'warning' }]],
    ['diagnostics', []],
    ['hover', { from: 0, to: 5, display: 'function sleep(ms: number): Promise<void>', documentation: '' }],
    ['hover', null],
    ['completions', { from: 3, options: [{ label: 'sleep', kind: 'function', detail: 'sleep(ms: number)', documentation: 'Waits.' }, { label: 'x', kind: 'const' }] }],
    ['signature', { label: 'sleep(ms: number)', documentation: '', active: { from: 6, to: 16 } }],
    ['signature', null],
  ] as const)('a well-formed %s answer passes unchanged', (kind, value) => {
    expect(parseResult(kind, value)).toEqual(value);
  });

  test.each([
    ['diagnostics', null],
    ['diagnostics', [{ ...diagnostic, from: '1' }]],
    ['diagnostics', [{ ...diagnostic, severity: 'fatal' }]],
    ['diagnostics', [{ ...diagnostic, message: { html: '<b>' } }]],
    ['diagnostics', [{ ...diagnostic, from: Number.NaN }]],
    ['hover', { from: 0, to: 5, display: 3, documentation: '' }],
    ['completions', { from: 3, options: [{ label: 7, kind: 'function' }] }],
    ['completions', { from: 3, options: 'sleep' }],
    ['signature', { label: 'f()', documentation: '', active: { from: 'a', to: 1 } }],
  ] as const)('a malformed %s answer is refused', (kind, value) => {
    expect(parseResult(kind, value)).toBeUndefined();
  });
});
