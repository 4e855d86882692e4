/**
 * The type checker's files, read from this checkout in Node (the CLI and the
 * tests): the same typescript/lib files and course-helpers.d.ts the editor's
 * worker bundles, so both see the same types.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { CourseTypeService, libClosure, type TypeDiagnostic, type TypeEnvironmentFiles } from './service.ts';

const require = createRequire(import.meta.url);
const libDir = dirname(require.resolve('typescript/lib/lib.es5.d.ts'));
const helpersPath = fileURLToPath(new URL('../exercise/course-helpers.d.ts', import.meta.url));

let files: TypeEnvironmentFiles | undefined;
let nodeFiles: TypeEnvironmentFiles | undefined;

/** The course's runtime types: ES library, course globals, course helpers. */
export function courseTypeFiles(): TypeEnvironmentFiles {
  files ??= {
    libs: libClosure((name) => {
      const path = join(libDir, name);
      return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
    }),
    helpers: readFileSync(helpersPath, 'utf8'),
  };
  return files;
}

/**
 * For code that runs only in Node (`// runs-in: node` snippets): Node's own
 * types from @types/node in place of the course globals. The browser worker
 * doesn't ship these (2.6 MB of declarations for two snippets).
 */
function nodeTypeFiles(): TypeEnvironmentFiles {
  if (!nodeFiles) {
    const root = dirname(require.resolve('@types/node/package.json'));
    const extra = new Map<string, string>();
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) {
          if (entry.name !== 'node_modules') walk(path);
        } else if (entry.name.endsWith('.d.ts')) {
          extra.set(`/node_modules/@types/node/${relative(root, path)}`, readFileSync(path, 'utf8'));
        }
      }
    };
    walk(root);
    // @types/node refers to undici-types for fetch; give it that package too when present.
    try {
      const undici = dirname(require.resolve('undici-types/package.json', { paths: [root] }));
      for (const entry of readdirSync(undici)) {
        if (entry.endsWith('.d.ts')) extra.set(`/node_modules/undici-types/${entry}`, readFileSync(join(undici, entry), 'utf8'));
      }
    } catch {
      // Without undici-types, fetch is untyped in Node-only code; nothing course code relies on.
    }
    nodeFiles = { ...courseTypeFiles(), extra };
  }
  return nodeFiles;
}

let service: CourseTypeService | undefined;
let nodeService: CourseTypeService | undefined;

/** Type diagnostics for one learner file, with the course's types (or Node's, for Node-only code). */
export function typeCheckSource(source: string, options: { node?: boolean } = {}): TypeDiagnostic[] {
  let s: CourseTypeService;
  if (options.node) s = nodeService ??= new CourseTypeService(ts, nodeTypeFiles());
  else s = service ??= new CourseTypeService(ts, courseTypeFiles());
  s.update(source);
  return s.diagnostics();
}
