/**
 * The course's TypeScript: one language service over one learner file, with
 * the types the runtimes really give (the ES library without the DOM, the
 * course globals, the course helpers). The same code runs in the editor's
 * worker (src/islands/ts-worker.ts) and in Node (CLI, tests), so the page
 * and `npm run check:exercise` report the same diagnostics.
 *
 * Pure: the caller hands in the `typescript` module and the library texts,
 * so nothing here reads a disk or fetches.
 */
import type * as TS from 'typescript';
import { createSystem, createVirtualTypeScriptEnvironment, type VirtualTypeScriptEnvironment } from '@typescript/vfs';
import { RUNTIME_GLOBALS, RUNTIME_GLOBALS_FILE, TIMERS_PROMISES, TIMERS_PROMISES_FILE } from './runtime-globals.ts';
import { courseDiagnostics } from './course-diagnostics.ts';

/** Where the learner's code lives in the virtual file system. */
export const LEARNER_FILE = '/main.ts';
const HELPERS_FILE = '/course-helpers.d.ts';

/**
 * The ES library both runtimes provide (Chromium and Node 22 both have
 * ES2024: Promise.withResolvers, Object.groupBy); each name is a file of
 * typescript/lib. No lib.dom: neither runtime has a document.
 */
const ES_LIB = 'es2024';
export const LIB_ROOTS = ['lib.es2024.d.ts', 'lib.decorators.d.ts', 'lib.decorators.legacy.d.ts'];

/** The library files that LIB_ROOTS pull in through `/// <reference lib>`, given a reader. */
export function libClosure(read: (name: string) => string | undefined): Map<string, string> {
  const files = new Map<string, string>();
  const visit = (name: string) => {
    if (files.has(name)) return;
    const text = read(name);
    if (text === undefined) throw new Error(`TypeScript library file missing: ${name}`);
    files.set(name, text);
    for (const m of text.matchAll(/<reference lib="([^"]+)"/g)) visit(`lib.${m[1].toLowerCase()}.d.ts`);
  };
  for (const root of LIB_ROOTS) visit(root);
  return files;
}

function compilerOptions(ts: typeof TS): TS.CompilerOptions {
  return {
    strict: true,
    target: ts.ScriptTarget.ES2024,
    lib: [`lib.${ES_LIB}.d.ts`],
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    moduleDetection: ts.ModuleDetectionKind.Force,
    allowImportingTsExtensions: true,
    noEmit: true,
    skipLibCheck: true,
    // Only what is listed below: no @types packages from a disk that isn't there.
    types: [],
    noFallthroughCasesInSwitch: true,
  };
}

export interface TypeEnvironmentFiles {
  /** typescript/lib files by bare name ("lib.es5.d.ts"), at least libClosure's. */
  libs: Map<string, string>;
  /** src/lib/exercise/course-helpers.d.ts. */
  helpers: string;
  /**
   * Extra declaration files by absolute virtual path, e.g. Node's own types
   * for code that runs only in Node. When given, they replace the course's
   * small `node:timers/promises` and globals (Node's declare both).
   */
  extra?: Map<string, string>;
}

/** One diagnostic, in the learner's file, ready for the editor and for the Types check. */
export interface TypeDiagnostic {
  from: number;
  to: number;
  /** 1-based, for messages. */
  line: number;
  column: number;
  severity: 'error' | 'warning';
  message: string;
  /** TypeScript's error code, or the course diagnostic's id ("promise-as-value", …). */
  code: number | string;
  source: 'typescript' | 'course';
}

export interface Hover {
  from: number;
  to: number;
  /** The signature or type, as TypeScript prints it. */
  display: string;
  documentation: string;
}

export interface Completion {
  label: string;
  kind: string;
  /** Signature, for functions and values from the helpers (filled for the first few). */
  detail?: string;
  documentation?: string;
}

export interface SignatureHelp {
  /** e.g. "sleep(ms: number, signal?: AbortSignal): Promise<void>". */
  label: string;
  documentation: string;
  /** The parameter the cursor is in, as a range of `label`. */
  active?: { from: number; to: number };
}

/**
 * TypeScript's errors about a value's type that a course diagnostic over the
 * same code explains in terms of a missing `await` (property missing,
 * operator or argument mismatch, not iterable, always-true condition).
 */
const SAID_BETTER: ReadonlySet<number> = new Set([2322, 2339, 2345, 2349, 2362, 2363, 2365, 2488, 2548, 2549, 2551, 2769, 2801]);

export class CourseTypeService {
  readonly #ts: typeof TS;
  readonly #env: VirtualTypeScriptEnvironment;
  #text: string;

  constructor(ts: typeof TS, files: TypeEnvironmentFiles, source = '') {
    this.#ts = ts;
    const map = new Map<string, string>();
    for (const [name, text] of files.libs) map.set(`/${name}`, text);
    map.set(HELPERS_FILE, files.helpers);
    const roots = [HELPERS_FILE];
    if (files.extra?.size) {
      for (const [path, text] of files.extra) {
        map.set(path, text);
        roots.push(path);
      }
    } else {
      map.set(RUNTIME_GLOBALS_FILE, RUNTIME_GLOBALS);
      map.set(TIMERS_PROMISES_FILE, TIMERS_PROMISES);
      roots.push(RUNTIME_GLOBALS_FILE, TIMERS_PROMISES_FILE);
    }
    this.#text = source;
    map.set(LEARNER_FILE, nonEmpty(source));
    this.#env = createVirtualTypeScriptEnvironment(createSystem(map), [...roots, LEARNER_FILE], ts, compilerOptions(ts));
  }

  /** Replaces the learner's code (cheap when only a little changed: the service re-checks incrementally). */
  update(source: string): void {
    if (source === this.#text) return;
    this.#text = source;
    this.#env.updateFile(LEARNER_FILE, nonEmpty(source));
  }

  /** TypeScript's errors in the learner's file, then the course's own, with a course message replacing TypeScript's where both name the same mistake. */
  diagnostics(): TypeDiagnostic[] {
    const ts = this.#ts;
    const service = this.#env.languageService;
    const program = service.getProgram()!;
    const file = program.getSourceFile(LEARNER_FILE)!;
    const course = courseDiagnostics(ts, file, program.getTypeChecker());
    const compiler = [...service.getSyntacticDiagnostics(LEARNER_FILE), ...service.getSemanticDiagnostics(LEARNER_FILE)];
    const out: TypeDiagnostic[] = [];
    for (const d of compiler) {
      const start = d.start ?? 0;
      const end = start + (d.length ?? 0);
      // The course names the mistake better (TypeScript says "Property 'name' does not exist on type 'Promise<User>'").
      if (SAID_BETTER.has(d.code) && course.some((c) => c.id === 'promise-as-value' && c.covers.from <= start && end <= c.covers.to)) continue;
      out.push(this.#make(file, start, end, d.category === ts.DiagnosticCategory.Warning ? 'warning' : 'error', ts.flattenDiagnosticMessageText(d.messageText, '\n'), d.code, 'typescript'));
    }
    for (const c of course) out.push(this.#make(file, c.from, c.to, c.severity, c.message, c.id, 'course'));
    return out.sort((a, b) => a.from - b.from || a.to - b.to);
  }

  hover(position: number): Hover | undefined {
    const info = this.#env.languageService.getQuickInfoAtPosition(LEARNER_FILE, position);
    if (!info) return undefined;
    return {
      from: info.textSpan.start,
      to: info.textSpan.start + info.textSpan.length,
      display: this.#ts.displayPartsToString(info.displayParts),
      documentation: docText(this.#ts, info.documentation, info.tags),
    };
  }

  /** Completions at `position`; the first `detailed` entries carry their signature and doc comment. */
  completions(position: number, detailed = 40): { from: number; options: Completion[] } | undefined {
    const ts = this.#ts;
    const service = this.#env.languageService;
    const list = service.getCompletionsAtPosition(LEARNER_FILE, position, {
      includeCompletionsForModuleExports: false,
      includeCompletionsWithInsertText: true,
    });
    if (!list) return undefined;
    const word = /[\w$]*$/.exec(this.#text.slice(0, position))![0];
    const from = list.optionalReplacementSpan?.start ?? position - word.length;
    const prefix = word.toLowerCase();
    const entries = list.entries
      .filter((e) => !prefix || e.name.toLowerCase().startsWith(prefix))
      .sort((a, b) => (a.sortText < b.sortText ? -1 : a.sortText > b.sortText ? 1 : a.name.localeCompare(b.name)))
      .slice(0, 200);
    const options = entries.map((entry, i): Completion => {
      const option: Completion = { label: entry.name, kind: entry.kind };
      if (i < detailed) {
        const details = service.getCompletionEntryDetails(LEARNER_FILE, position, entry.name, undefined, entry.source, undefined, entry.data);
        if (details) {
          option.detail = ts.displayPartsToString(details.displayParts);
          const doc = docText(ts, details.documentation, details.tags);
          if (doc) option.documentation = doc;
        }
      }
      return option;
    });
    return { from, options };
  }

  signatureHelp(position: number): SignatureHelp | undefined {
    const ts = this.#ts;
    const help = this.#env.languageService.getSignatureHelpItems(LEARNER_FILE, position, undefined);
    if (!help) return undefined;
    const item = help.items[help.selectedItemIndex] ?? help.items[0];
    if (!item) return undefined;
    const prefix = ts.displayPartsToString(item.prefixDisplayParts);
    const separator = ts.displayPartsToString(item.separatorDisplayParts);
    const params = item.parameters.map((p) => ts.displayPartsToString(p.displayParts));
    const label = `${prefix}${params.join(separator)}${ts.displayPartsToString(item.suffixDisplayParts)}`;
    let active: SignatureHelp['active'];
    if (help.argumentIndex < params.length) {
      const from = prefix.length + params.slice(0, help.argumentIndex).reduce((n, p) => n + p.length + separator.length, 0);
      active = { from, to: from + params[help.argumentIndex].length };
    }
    const param = item.parameters[help.argumentIndex];
    const paramDoc = param ? ts.displayPartsToString(param.documentation) : '';
    const documentation = [docText(ts, item.documentation, item.tags), paramDoc].filter(Boolean).join('\n\n');
    return { label, documentation, active };
  }

  #make(file: TS.SourceFile, from: number, to: number, severity: TypeDiagnostic['severity'], message: string, code: number | string, source: TypeDiagnostic['source']): TypeDiagnostic {
    const { line, character } = file.getLineAndCharacterOfPosition(from);
    return { from, to: Math.max(to, from), line: line + 1, column: character + 1, severity, message, code, source };
  }
}

/** @typescript/vfs treats an empty file as a missing one; a lone space changes no position. */
function nonEmpty(source: string): string {
  return source || ' ';
}

function docText(ts: typeof TS, documentation: TS.SymbolDisplayPart[] | undefined, tags: TS.JSDocTagInfo[] | undefined): string {
  const text = ts.displayPartsToString(documentation ?? []);
  const tagText = (tags ?? []).map((t) => `@${t.name} ${ts.displayPartsToString(t.text ?? [])}`.trim());
  return [text, ...tagText].filter(Boolean).join('\n');
}
