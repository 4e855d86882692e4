/**
 * `node scripts/bench/island-size.ts [baseURL]`: only the editor island's
 * size, against a preview already serving a build (the full bench takes
 * minutes). Prints each file's gzip bytes and the total against the budget.
 */
import { fileURLToPath } from 'node:url';
import { islandSizes } from './island.ts';
import { launch } from './site.ts';

const KB = 1024;
const baseURL = process.argv[2] ?? 'http://127.0.0.1:4477/';
const { browser } = await launch();
const sizes = await islandSizes(browser, baseURL, fileURLToPath(new URL('../../', import.meta.url)));
await browser.close();
for (const f of sizes.editorIslandFileBytes) console.log(`${(f.bytes / KB).toFixed(1).padStart(7)} KB  ${f.file}`);
console.log(`editor island: ${(sizes.editorIslandBytes / KB).toFixed(1)} KB gz in ${sizes.editorIslandFiles.length} files (budget 170 KB); sandbox worker ${(sizes.sandboxWorkerBytes / KB).toFixed(1)} KB`);
