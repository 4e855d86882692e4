/**
 * TypeScript → runnable JavaScript for learner code, the same in every runtime.
 *
 * Sucrase strips types and turns `import`/`export` into `require`/`exports`
 * without a type checker: it is small and fast, and it keeps every line where
 * it was, so runtime errors point at the learner's own line. The editor uses
 * the real TypeScript compiler for diagnostics; Run and Check (and the CLI)
 * all use this, so their verdicts agree.
 */
import { transform } from 'sucrase';
import { parse } from 'acorn';
import type { LearnerError } from './observation.ts';
import { isHardened, learnerCompartment } from './hardening.ts';

/** Name learner code runs under in stack traces. */
export const LEARNER_FILE = 'main.ts';

/** Parameters the compiled module function receives. */
const MODULE_PARAMS = ['exports', 'require', 'module'] as const;

/**
 * Lines above the learner's first line in the compiled module: the function
 * header (`new Function` puts the body two lines below it) and a "use strict"
 * line; in a compartment, one header line holds both.
 */
const FUNCTION_LINE_OFFSET = 3;
const COMPARTMENT_LINE_OFFSET = 1;

type Transpiled = { ok: true; code: string } | { ok: false; error: LearnerError };

/**
 * `modules: 'cjs'` (the default) is what the harness runs; `'esm'` keeps
 * import/export, for a real `node main.js` in WebContainer.
 */
export function transpile(source: string, options: { modules?: 'cjs' | 'esm' } = {}): Transpiled {
  let code: string;
  try {
    code = transform(source, {
      transforms: options.modules === 'esm' ? ['typescript'] : ['typescript', 'imports'],
      disableESTransforms: true,
      keepUnusedImports: false,
    }).code;
  } catch (thrown) {
    return { ok: false, error: syntaxErrorFrom(thrown) };
  }
  // Sucrase puts its CommonJS prelude on line 1, which would shift the columns
  // of errors on the learner's first line; strict mode comes from compileModule.
  code = code.replace(/^"use strict";Object\.defineProperty\(exports, "__esModule", \{value: true\}\);/, '');
  return { ok: true, code };
}

type ModuleFunction = (...args: unknown[]) => Promise<void>;

export interface CompiledModule {
  /** Runs the module body: (exports, require, module). */
  run: ModuleFunction;
  /** The global object learner code sees: its compartment's, or (without SES) the realm's own. */
  globals: Record<string, unknown>;
}

/**
 * Turns transpiled code into a callable module body. Top-level `await` works,
 * because the body is an async function. Throws a LearnerError for early
 * errors that Sucrase let through (a redeclared `let`, say). Once the realm
 * is hardened (see hardening.ts), the body is evaluated in its own compartment.
 */
export function compileModule(code: string): CompiledModule {
  try {
    if (isHardened()) {
      const compartment = learnerCompartment();
      const source = `(async function (${MODULE_PARAMS.join(', ')}) { "use strict";\n${code}\n})\n//# sourceURL=${LEARNER_FILE}`;
      return { run: compartment.evaluate(source) as ModuleFunction, globals: compartment.globalThis };
    }
    const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => ModuleFunction;
    return {
      run: new AsyncFunction(...MODULE_PARAMS, `"use strict";\n${code}\n//# sourceURL=${LEARNER_FILE}`),
      globals: globalThis as unknown as Record<string, unknown>,
    };
  } catch (thrown) {
    throw locateEarlyError(code, thrown);
  }
}

function syntaxErrorFrom(thrown: unknown): LearnerError {
  const message = thrown instanceof Error ? thrown.message : String(thrown);
  // Sucrase reports positions as "(line:column)" with a 0-based column.
  const match = /\((\d+):(\d+)\)\s*$/.exec(message);
  const text = message.replace(/\s*\(\d+:\d+\)\s*$/, '');
  return {
    kind: 'syntax',
    name: 'SyntaxError',
    message: match ? `${text} at line ${match[1]}, column ${Number(match[2]) + 1}` : text,
    line: match ? Number(match[1]) : undefined,
    column: match ? Number(match[2]) + 1 : undefined,
  };
}

/** V8 gives early errors from `new Function` no position: Acorn finds it (lines match the source). */
function locateEarlyError(code: string, thrown: unknown): LearnerError {
  const message = thrown instanceof Error ? thrown.message : String(thrown);
  try {
    parse(code, {
      ecmaVersion: 'latest',
      sourceType: 'script',
      allowAwaitOutsideFunction: true,
      allowReturnOutsideFunction: true,
      locations: true,
    });
  } catch (parseError) {
    const loc = (parseError as { loc?: { line: number; column: number } }).loc;
    if (loc) {
      return {
        kind: 'syntax',
        name: 'SyntaxError',
        message: `${message} at line ${loc.line}, column ${loc.column + 1}`,
        line: loc.line,
        column: loc.column + 1,
      };
    }
  }
  return { kind: 'syntax', name: 'SyntaxError', message };
}

/** Finds the learner's line and column in an error's stack, if it passed through their file. */
export function learnerPosition(error: unknown): { line: number; column: number } | undefined {
  const stack = typeof error === 'object' && error !== null ? (error as { stack?: unknown }).stack : undefined;
  if (typeof stack !== 'string') return undefined;
  const pattern = new RegExp(`${LEARNER_FILE.replace('.', '\\.')}:(\\d+):(\\d+)`);
  const match = pattern.exec(stack);
  if (!match) return undefined;
  const line = Number(match[1]) - (isHardened() ? COMPARTMENT_LINE_OFFSET : FUNCTION_LINE_OFFSET);
  return line >= 1 ? { line, column: Number(match[2]) } : undefined;
}
