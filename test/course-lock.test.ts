/**
 * The course's Lock (src/lib/exercise/lock.ts) behaves like asyncio.Lock:
 * one holder, waiters served first come first served, a release hands the
 * lock straight on (no newcomer slips in), and releasing an unheld lock is
 * an error. Its waits are drawn as spans; the span opener here is a
 * recording fake of the harness's `span`, which is all the lock uses.
 */
import { describe, expect, test } from 'vitest';
import { lockClass } from '../src/lib/exercise/lock.ts';

function recordingSpans() {
  const events: string[] = [];
  return {
    events,
    span: (label: string) => {
      events.push(`open ${label}`);
      return { id: events.length, end: () => void events.push(`close ${label}`) };
    },
  };
}

describe('the course Lock', () => {
  test('serves waiters in the order they asked, one at a time', async () => {
    const spans = recordingSpans();
    const Lock = lockClass(spans);
    const lock = new Lock();
    const order: string[] = [];
    const job = async (name: string) => {
      await lock.acquire();
      try {
        order.push(`${name} in`);
        await Promise.resolve();
        await Promise.resolve();
        order.push(`${name} out`);
      } finally {
        lock.release();
      }
    };
    await Promise.all([job('a'), job('b'), job('c')]);
    expect(order).toEqual(['a in', 'a out', 'b in', 'b out', 'c in', 'c out']);
    expect(lock.locked()).toBe(false);
    expect(spans.events).toEqual(['open waiting for the lock', 'open waiting for the lock', 'close waiting for the lock', 'close waiting for the lock']);
  });

  test('a release hands the lock to the waiter, not to a newcomer', async () => {
    const lock = new (lockClass(recordingSpans()))();
    await lock.acquire();
    const got: string[] = [];
    const waiter = lock.acquire().then(() => got.push('waiter'));
    lock.release();
    // Still held: it now belongs to the waiter.
    expect(lock.locked()).toBe(true);
    const newcomer = lock.acquire().then(() => got.push('newcomer'));
    await waiter;
    lock.release();
    await newcomer;
    expect(got).toEqual(['waiter', 'newcomer']);
  });

  test('releasing a lock nobody holds throws, as asyncio.Lock does', () => {
    const lock = new (lockClass(recordingSpans()))();
    expect(() => lock.release()).toThrow(/not held/);
  });

  test('each new lock is reported, so a check can count them', () => {
    let made = 0;
    const Lock = lockClass(recordingSpans(), () => made++);
    new Lock();
    new Lock();
    expect(made).toBe(2);
  });
});
