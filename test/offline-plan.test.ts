import { describe, expect, test } from 'vitest';
import { gzipSync } from 'node:zlib';
import { precacheGlobs, registrationScript, SW_FILE } from '../src/lib/offline/plan.ts';

describe('offline plan', () => {
  test.each(['/', '/course/'])('the registration under base %s is tiny and points at the worker there', (base) => {
    const script = registrationScript(base);
    expect(script).toContain(JSON.stringify(`${base}${SW_FILE}`));
    // The budget for the registration: at most 1 KB of first-load script.
    expect(Buffer.byteLength(script)).toBeLessThan(1024);
    expect(gzipSync(script).length).toBeLessThan(200);
  });

  test('pyodide, the TypeScript service, the worker itself and the header file stay out of the precache', () => {
    const { ignore, include } = precacheGlobs();
    for (const left of ['pyodide/**', SW_FILE, '_headers', '_astro/ts-worker*']) expect(ignore).toContain(left);
    expect(include).toContain('pagefind/**/*');
  });
});
