/**
 * Directives a snippet declares in comments at its very top, before any code:
 *
 *   // expect-error: unhandled-rejection      (TypeScript: the run must show this error kind)
 *   // runs-in: node                          (TypeScript: uses Node APIs the sandbox lacks, e.g.
 *                                              worker_threads; tests run it with real Node instead)
 *   // exits-with: 13                         (TypeScript, with runs-in: node: the exit code Node
 *                                              must end with, when the lesson shows a non-zero one)
 *   # python: 3.12                            (Python: needs that version or later, e.g. for
 *                                              asyncio.eager_task_factory; run with it when found)
 *   # needs: aiohttp                          (Python: needs a package outside the standard
 *                                              library; tests only compile it, and the page says so)
 *
 * Only the leading comment block counts, so a directive can't hide in the
 * middle of a listing. Pure: no file system, so it is shared by the tests
 * and the build.
 */
import type { LearnerErrorKind } from '../harness/observation.ts';

export interface Directives {
  /** Error kinds the run must show (`expect-error`); empty for a snippet that must run cleanly. */
  expectErrors: LearnerErrorKind[];
  /** `runs-in: node`: run with real Node.js, not the course harness. */
  runsIn?: 'node';
  /** `exits-with: <code>` (with `runs-in: node`): the exit code real Node must end with. Default 0. */
  exitsWith?: number;
  /** `python: 3.12`: the Python version the snippet needs (3.11, the course's baseline, when absent). */
  python?: string;
  /** Python packages outside the standard library (`needs`). */
  needs: string[];
}

const ERROR_KINDS: readonly LearnerErrorKind[] = [
  'syntax',
  'missing-export',
  'uncaught',
  'unhandled-rejection',
  'budget',
  'virtual-limit',
  'exit',
  'sandbox',
  'internal',
];

const list = (value: string) =>
  value
    .split(/[,\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);

/** Reads the directives of a snippet; throws, naming the file, on a directive it doesn't know. */
export function parseDirectives(source: string, file = 'snippet'): Directives {
  const result: Directives = { expectErrors: [], needs: [] };
  for (const raw of source.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#!')) continue;
    const comment = /^(?:\/\/|#)\s?(.*)$/.exec(line);
    if (!comment) break; // first line of code: the header is over
    const directive = /^([a-z][a-z-]*):\s*(.+)$/.exec(comment[1]!.trim());
    if (!directive) continue;
    const [, name, value] = directive as unknown as [string, string, string];
    if (name === 'expect-error') {
      for (const kind of list(value)) {
        if (!ERROR_KINDS.includes(kind as LearnerErrorKind)) {
          throw new Error(`${file}: unknown error kind "${kind}" in "expect-error" (known: ${ERROR_KINDS.join(', ')})`);
        }
        result.expectErrors.push(kind as LearnerErrorKind);
      }
    } else if (name === 'runs-in') {
      if (value.trim() !== 'node') throw new Error(`${file}: "runs-in" only knows "node", not "${value.trim()}"`);
      result.runsIn = 'node';
    } else if (name === 'exits-with') {
      const code = Number(value.trim());
      if (!Number.isInteger(code) || code < 0 || code > 255) throw new Error(`${file}: "exits-with" needs an exit code (0–255), not "${value.trim()}"`);
      result.exitsWith = code;
    } else if (name === 'python') {
      if (!/^3\.\d+$/.test(value.trim())) throw new Error(`${file}: "python" needs a version such as 3.12, not "${value.trim()}"`);
      result.python = value.trim();
    } else if (name === 'needs') {
      result.needs.push(...list(value));
    }
    // Any other "word: text" comment is prose (e.g. "// Note: …"), not a directive.
  }
  return result;
}

/**
 * The code as a page shows it: without the directive lines (they are for
 * the tests), and without the blank lines they leave at the top.
 */
export function stripDirectives(source: string): string {
  const lines = source.split(/\r?\n/);
  let i = 0;
  const kept: string[] = [];
  for (; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') {
      kept.push(lines[i]!);
      continue;
    }
    if (/^(?:\/\/|#)\s?(expect-error|runs-in|exits-with|python|needs):/.test(line)) continue;
    break;
  }
  const rest = [...kept, ...lines.slice(i)];
  while (rest.length && rest[0]!.trim() === '') rest.shift();
  return rest.join('\n').replace(/\s+$/, '') + '\n';
}
