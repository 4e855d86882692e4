import { describe, expect, test } from 'vitest';
import { VirtualClock, normaliseDelay } from '../src/lib/harness/virtual-clock.ts';

/** Fires everything, recording (label, time fired). */
function drain(clock: VirtualClock, limit = 1000): void {
  for (let i = 0; i < limit && clock.fireNext(); i++);
}

describe('VirtualClock', () => {
  test('fires timers in due order, and same-time timers in creation order', () => {
    const clock = new VirtualClock();
    const fired: string[] = [];
    clock.schedule(() => fired.push('b@200'), 200);
    clock.schedule(() => fired.push('a@100'), 100);
    clock.schedule(() => fired.push('c@200'), 200);
    clock.schedule(() => fired.push('d@0'), 0);
    drain(clock);
    expect(fired).toEqual(['d@0', 'a@100', 'b@200', 'c@200']);
    expect(clock.now).toBe(200);
  });

  test('blocking work makes due timers fire late, reading the late time', () => {
    const clock = new VirtualClock();
    const seen: number[] = [];
    clock.schedule(() => {
      clock.advance(350); // CPU work inside the first tick
      seen.push(clock.now);
    }, 100);
    clock.schedule(() => seen.push(clock.now), 200);
    drain(clock);
    expect(seen).toEqual([450, 450]);
  });

  test('an interval never reads a time earlier than one it already read', () => {
    const clock = new VirtualClock();
    const reads: number[] = [];
    let ticks = 0;
    const id = clock.schedule(() => {
      reads.push(clock.now);
      if (++ticks === 2) clock.advance(350);
      if (ticks === 5) clock.cancel(id);
    }, 100, true);
    drain(clock);
    // Due at 300 but the block ran to 550: it fires late, then keeps its period.
    expect(reads).toEqual([100, 200, 550, 650, 750]);
    for (let i = 1; i < reads.length; i++) expect(reads[i]).toBeGreaterThan(reads[i - 1]);
  });

  test('cancel removes a timer, and unknown ids are ignored', () => {
    const clock = new VirtualClock();
    const fired: number[] = [];
    const ids = [100, 200, 300, 400].map((ms) => clock.schedule(() => fired.push(ms), ms));
    expect(clock.cancel(ids[1])).toBe(true);
    expect(clock.cancel(ids[1])).toBe(false);
    expect(clock.cancel(9999)).toBe(false);
    drain(clock);
    expect(fired).toEqual([100, 300, 400]);
  });

  test('timers created inside a callback are queued after earlier ones due at the same time', () => {
    const clock = new VirtualClock();
    const fired: string[] = [];
    clock.schedule(() => {
      fired.push('first');
      clock.schedule(() => fired.push('nested@100'), 0);
    }, 100);
    clock.schedule(() => fired.push('second@100'), 100);
    drain(clock);
    expect(fired).toEqual(['first', 'second@100', 'nested@100']);
  });

  test('stays ordered with thousands of timers', () => {
    const clock = new VirtualClock();
    const fired: number[] = [];
    let x = 12345;
    for (let i = 0; i < 5000; i++) {
      x = (x * 1103515245 + 12345) % 2 ** 31;
      const due = x % 10_000;
      clock.schedule(() => fired.push(due), due);
    }
    drain(clock, 10_000);
    expect(fired).toHaveLength(5000);
    expect([...fired].sort((a, b) => a - b)).toEqual(fired);
  });

  test.each([
    [0, 0],
    [-5, 0],
    [Number.NaN, 0],
    ['20', 20],
    [undefined, 0],
    [Infinity, 0],
    [2 ** 40, 2_147_483_647],
  ])('normaliseDelay(%s) = %s', (input, expected) => {
    expect(normaliseDelay(input)).toBe(expected);
  });
});
