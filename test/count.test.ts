import { describe, expect, it } from 'vitest';
import { groupDigits } from '../src/lib/count.ts';

describe('groupDigits', () => {
  it('groups whole numbers as English toLocaleString does', () => {
    for (const n of [0, 7, 999, 1000, 12345, 1_000_000, 52_428_800, -4321]) expect(groupDigits(n)).toBe(n.toLocaleString('en'));
  });
  it('keeps a short fraction, such as a budget in seconds', () => {
    expect(groupDigits(7.5)).toBe('7.5');
    expect(groupDigits(1234.25)).toBe('1,234.25');
  });
});
