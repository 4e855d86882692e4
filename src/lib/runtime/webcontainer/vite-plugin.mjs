// @ts-check
/**
 * Vite plugin: `import harness from 'virtual:course-node-harness'` gives the
 * harness as one Node ES module (text), with every exercise's check spec, to
 * mount in WebContainer. Only the Node.js runtime's chunk imports it, so no
 * page pays for it until that runtime is used.
 */
import { build } from 'esbuild';
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const VIRTUAL_ID = 'virtual:course-node-harness';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;

export function nodeHarnessPlugin() {
  const root = fileURLToPath(new URL('../../../../', import.meta.url));
  const exercisesDir = join(root, 'content/exercises');
  const entry = fileURLToPath(new URL('./node-entry.ts', import.meta.url));
  return {
    name: 'course-node-harness',
    /** @param {string} id */
    resolveId(id) {
      return id === VIRTUAL_ID ? RESOLVED_ID : undefined;
    },
    /** @param {string} id @this {{ addWatchFile(file: string): void }} */
    async load(id) {
      if (id !== RESOLVED_ID) return undefined;
      const ids = readdirSync(exercisesDir).filter((name) => existsSync(join(exercisesDir, name, 'check.ts'))).sort();
      const imports = ids.map((name, i) => `import spec${i} from ${JSON.stringify(join(exercisesDir, name, 'check.ts'))};`);
      const table = ids.map((name, i) => `  ${JSON.stringify(name)}: spec${i},`);
      const contents = [
        `import { runInNode } from ${JSON.stringify(entry)};`,
        ...imports,
        'const specs = {',
        ...table,
        '};',
        'export function main(mode) { return runInNode(mode, specs); }',
      ].join('\n');
      const result = await build({
        stdin: { contents, resolveDir: root, loader: 'ts' },
        bundle: true,
        platform: 'node',
        format: 'esm',
        target: 'node18',
        minify: true,
        write: false,
        logLevel: 'silent',
      });
      for (const name of ids) this.addWatchFile(join(exercisesDir, name, 'check.ts'));
      return `export default ${JSON.stringify(result.outputFiles[0].text)};`;
    },
  };
}
