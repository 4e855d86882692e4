/**
 * npm run snippets:capture
 *
 * Runs every snippet (Python under python3 on the virtual clock, TypeScript
 * through the course harness or real Node) and writes what each printed to
 * content/snippets/outputs.json. Commit that file: the pages show these
 * outputs beside the code, so the site builds without Python, and the tests
 * fail when a snippet's fresh run no longer matches it.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { captureAll } from '../src/lib/snippets/capture.ts';
import { ROOT } from '../src/lib/snippets/files.ts';
import { OUTPUTS_FILE, parseOutputs } from '../src/lib/snippets/outputs.ts';
import { findPython } from '../src/lib/snippets/python-run.ts';

const python = findPython();
if (!python.ok) {
  process.stderr.write(`snippets:capture: ${python.reason}. The Python outputs come from CPython, so capture on a machine with python3 ≥ 3.11.\n`);
  process.exit(1);
}
const file = join(ROOT, OUTPUTS_FILE);
const previous = existsSync(file) ? parseOutputs(JSON.parse(readFileSync(file, 'utf8'))) : undefined;
const outputs = await captureAll({ python: true, previous });
writeFileSync(file, `${JSON.stringify(outputs, null, 1)}\n`);
const count = (o: Record<string, unknown>) => Object.keys(o).length;
process.stdout.write(
  `snippets:capture: ${count(outputs.python)} Python (CPython ${python.version}) and ${count(outputs.typescript)} TypeScript outputs written to ${OUTPUTS_FILE}\n`,
);
