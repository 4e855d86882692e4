import { describe, expect, test } from 'vitest';
import { codeKey, createCodeStore, MESSAGES, STORAGE_PREFIX } from '../src/islands/storage.ts';

/** A fake Storage (a Map), with switches for the failures learners meet. */
class FakeStorage implements Storage {
  map = new Map<string, string>();
  failWith: string | undefined;
  get length() {
    return this.map.size;
  }
  clear() {
    this.map.clear();
  }
  getItem(key: string) {
    return this.map.get(key) ?? null;
  }
  key(i: number) {
    return [...this.map.keys()][i] ?? null;
  }
  removeItem(key: string) {
    this.map.delete(key);
  }
  setItem(key: string, value: string) {
    if (this.failWith) throw new DOMException('refused', this.failWith);
    this.map.set(key, value);
  }
}

const fixedNow = () => 1_700_000_000_000;

describe('code keys', () => {
  test.each([
    ['exercise', 'first-coroutine', `${STORAGE_PREFIX}code:exercise:first-coroutine`],
    ['sandbox', 'coroutines/eager-start.ts', `${STORAGE_PREFIX}code:sandbox:coroutines/eager-start.ts`],
  ] as const)('%s %s → %s', (kind, id, key) => {
    expect(codeKey(kind, id)).toBe(key);
  });

  test('the prefix is versioned', () => {
    expect(STORAGE_PREFIX).toMatch(/^course:v\d+:$/);
  });

  test.each(['', 'a b', 'x:y', 'é'])('rejects the id %j', (id) => {
    expect(() => codeKey('exercise', id)).toThrow(/not a valid code id/);
  });
});

describe('the code store, over a fake Storage', () => {
  test('saves and loads code with the time it was saved', () => {
    const fake = new FakeStorage();
    const store = createCodeStore(() => fake, fixedNow);
    expect(store.load('exercise', 'a')).toEqual({ saved: null });
    expect(store.save('exercise', 'a', 'let x = 1;')).toEqual({ ok: true });
    expect(store.load('exercise', 'a')).toEqual({ saved: { code: 'let x = 1;', savedAt: fixedNow() } });
    expect(JSON.parse(fake.map.get(codeKey('exercise', 'a'))!)).toEqual({ code: 'let x = 1;', savedAt: fixedNow() });
  });

  test('keeps exercises and sandboxes apart', () => {
    const fake = new FakeStorage();
    const store = createCodeStore(() => fake, fixedNow);
    store.save('exercise', 'same', 'exercise code');
    store.save('sandbox', 'same', 'sandbox code');
    expect(store.load('exercise', 'same').saved?.code).toBe('exercise code');
    expect(store.load('sandbox', 'same').saved?.code).toBe('sandbox code');
    store.remove('sandbox', 'same');
    expect(store.load('sandbox', 'same').saved).toBeNull();
    expect(store.load('exercise', 'same').saved?.code).toBe('exercise code');
  });

  test.each([
    ['QuotaExceededError', 'full'],
    ['SecurityError', 'unavailable'],
    ['SomethingElse', 'failed'],
  ] as const)('a setItem that throws %s reports "%s" and never throws', (name, problem) => {
    const fake = new FakeStorage();
    fake.failWith = name;
    const store = createCodeStore(() => fake, fixedNow);
    expect(store.save('exercise', 'a', 'code')).toEqual({ ok: false, problem, message: MESSAGES[problem] });
  });

  test('storage that throws when merely looked up (blocked cookies) is "unavailable"', () => {
    const store = createCodeStore(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    expect(store.load('exercise', 'a')).toEqual({ saved: null, message: MESSAGES.unavailable });
    expect(store.save('exercise', 'a', 'x')).toMatchObject({ ok: false, problem: 'unavailable' });
    expect(store.remove('exercise', 'a')).toMatchObject({ ok: false, problem: 'unavailable' });
  });

  test('no storage at all is "unavailable"', () => {
    const store = createCodeStore(() => undefined);
    expect(store.save('exercise', 'a', 'x')).toMatchObject({ ok: false, problem: 'unavailable' });
  });

  test.each(['{oops', '"just a string"', 'null', '{"code": 3}'])('unreadable saved value %j: starts afresh, with a notice', (raw) => {
    const fake = new FakeStorage();
    fake.map.set(codeKey('exercise', 'a'), raw);
    const result = createCodeStore(() => fake).load('exercise', 'a');
    expect(result.saved).toBeNull();
    expect(result.message).toMatch(/could not be read/);
  });
});
