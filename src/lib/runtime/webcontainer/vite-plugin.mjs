// @ts-check
/**
 * Vite plugin: `import harness from 'virtual:course-node-harness'` gives the
 * harness as one Node ES module (text), with every exercise's check spec, to
 * mount in WebContainer. Only the Node.js runtime's chunk imports it, so no
 * page pays for it until that runtime is used.
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { exerciseIds, loadExercise } from '../../node/exercises.ts';

const VIRTUAL_ID = 'virtual:course-node-harness';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;

export function nodeHarnessPlugin() {
  const root = fileURLToPath(new URL('../../../../', import.meta.url));
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
      // The Node registry's listing: the same folders, checked by the same rules, as the CLI's and the build's.
      const checks = exerciseIds().map((name) => ({ name, checkPath: loadExercise(name).checkPath }));
      const imports = checks.map(({ checkPath }, i) => `import spec${i} from ${JSON.stringify(checkPath)};`);
      const table = checks.map(({ name }, i) => `  ${JSON.stringify(name)}: spec${i},`);
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
      for (const { checkPath } of checks) this.addWatchFile(checkPath);
      return `export default ${JSON.stringify(result.outputFiles[0].text)};`;
    },
  };
}
