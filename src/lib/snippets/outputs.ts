/**
 * The printed output of every snippet, as the page shows it beside the code.
 *
 * Python's output comes from CPython, TypeScript's from the course harness
 * (or real Node for `// runs-in: node` snippets). Both are captured by
 * `npm run snippets:capture` into content/snippets/outputs.json, which is
 * committed: the site builds without Python, and test/python.test.ts and
 * test/snippets.test.ts fail when a snippet's fresh run no longer matches
 * what was captured. Pure: no file system, shared by the build, the capture
 * script and the tests.
 */
import type { Observation } from '../harness/observation.ts';

/** One printed line: standard output, or standard error (warnings, logged errors, tracebacks). */
interface OutputLine {
  stream: 'out' | 'err';
  text: string;
}

export interface CapturedRun {
  /** The lines in the order they were printed, stdout and stderr interleaved. */
  lines: OutputLine[];
  /** The process's exit code, for Python and for `runs-in: node` snippets; absent for harness runs. */
  exitCode?: number;
  /** Virtual milliseconds the run took (harness runs, and Python on the virtual clock), when known. */
  elapsedMs?: number;
}

export interface SnippetOutputs {
  /** Bump when the shape or the normalisation changes, so old captures are refused. */
  version: 1;
  python: Record<string, CapturedRun>;
  typescript: Record<string, CapturedRun>;
}

export const OUTPUTS_FILE = 'content/snippets/outputs.json';
export const CAPTURE_COMMAND = 'npm run snippets:capture';

/**
 * Marks a line of Python's standard error in the one stream the capture reads
 * (see STDERR_TAG in python-run.ts): both streams share one pipe, so their
 * lines keep the order Python printed them in.
 */
const STDERR_TAG = '\u241e';

/**
 * Makes Python's output the same on every machine: object addresses
 * (`at 0x7f…`) become `0x…`, and the absolute path of the snippets folder
 * becomes the path a reader would see (`event-loop/run.py`).
 */
function normalisePythonText(text: string, snippetsDir: string): string {
  let out = text
    .replace(/0x[0-9a-f]{4,}/gi, '0x…')
    // The standard library's own files (in a warning's location): where Python is installed varies.
    .replace(/(?:[A-Za-z]:)?[^\s"'<>]*[\\/]lib[\\/]python3\.\d+[\\/]/g, '');
  for (const dir of [snippetsDir, snippetsDir.replace(/\\/g, '/')]) {
    out = out.split(`${dir}/`).join('').split(`${dir}\\`).join('');
  }
  return out;
}

/** Splits the tagged, merged output of a Python run into lines on their streams. */
export function parseTaggedOutput(merged: string, snippetsDir: string): OutputLine[] {
  const text = merged.replace(/\r\n/g, '\n').replace(/\n$/, '');
  if (text === '') return [];
  return text.split('\n').map((raw) => {
    const err = raw.startsWith(STDERR_TAG);
    const line = (err ? raw.slice(STDERR_TAG.length) : raw).replace(/\s+$/, '');
    return { stream: err ? 'err' : 'out', text: normalisePythonText(line, snippetsDir) };
  });
}

/** What a plain-text output looks like as lines: `stream` for each (Node's own stdout/stderr). */
export function plainLines(text: string, stream: OutputLine['stream']): OutputLine[] {
  const trimmed = text.replace(/\r\n/g, '\n').replace(/\s+$/, '');
  return trimmed === '' ? [] : trimmed.split('\n').map((line) => ({ stream, text: line.replace(/\s+$/, '') }));
}

/**
 * A harness run as printed lines: console.log/info/debug on stdout,
 * console.error/warn on stderr, and what the harness reports (an unhandled
 * rejection, an uncaught error) on stderr at the moment it happened.
 */
export function harnessRun(observation: Observation): CapturedRun {
  if (observation.compileError) return { lines: [{ stream: 'err', text: observation.compileError.message }] };
  const scenario = observation.scenarios[0];
  if (!scenario) return { lines: [] };
  type Timed = OutputLine & { t: number; order: number };
  const timed: Timed[] = [];
  scenario.logs.forEach((log, i) => {
    const stream = log.stream === 'error' || log.stream === 'warn' ? 'err' : 'out';
    for (const text of log.text.split('\n')) timed.push({ stream, text: text.replace(/\s+$/, ''), t: log.t, order: i });
  });
  scenario.errors.forEach((error, i) => {
    // After every line printed at the same moment: the report comes once the turn is over.
    timed.push({ stream: 'err', text: error.message, t: error.t ?? scenario.totalTime, order: scenario.logs.length + i });
  });
  timed.sort((a, b) => a.t - b.t || a.order - b.order);
  return { lines: timed.map(({ stream, text }) => ({ stream, text })), elapsedMs: scenario.totalTime };
}

/** The standard-output lines of a run: what `same` pairs compare and what questions are about. */
export function stdoutLines(run: CapturedRun): string[] {
  return run.lines.filter((l) => l.stream === 'out').map((l) => l.text);
}

/**
 * For each line of `a`, whether it differs from `b`: a line is the same when
 * it appears in both at the same position among the standard-output lines.
 * The page highlights the others, so a reader sees where two orders part.
 */
export function differingLines(a: readonly OutputLine[], b: readonly OutputLine[]): boolean[] {
  const other = b.filter((l) => l.stream === 'out').map((l) => l.text);
  let n = 0;
  return a.map((line) => {
    if (line.stream !== 'out') return true;
    return other[n++] !== line.text;
  });
}

/** Validates the committed file's shape; throws a message that says how to rebuild it. */
export function parseOutputs(json: unknown): SnippetOutputs {
  const fail = (why: string): never => {
    throw new Error(`${OUTPUTS_FILE}: ${why}; run \`${CAPTURE_COMMAND}\` to capture it again`);
  };
  if (!json || typeof json !== 'object') fail('not an object');
  const o = json as Partial<SnippetOutputs>;
  if (o.version !== 1) fail(`version ${String(o.version)}, expected 1`);
  for (const side of ['python', 'typescript'] as const) {
    const runs = o[side];
    if (!runs || typeof runs !== 'object') fail(`no "${side}" section`);
    for (const [src, run] of Object.entries(runs!)) {
      if (!run || !Array.isArray(run.lines)) fail(`${side} ${src}: no lines`);
      for (const line of run.lines) {
        if (!line || (line.stream !== 'out' && line.stream !== 'err') || typeof line.text !== 'string') fail(`${side} ${src}: a malformed line`);
      }
    }
  }
  return o as SnippetOutputs;
}

/** The committed capture of a snippet, or an error that names the snippet and the fix. */
export function capturedRun(outputs: SnippetOutputs, src: string, usedBy = src): CapturedRun {
  const side = src.endsWith('.py') ? outputs.python : outputs.typescript;
  const run = side[src];
  if (!run) throw new Error(`${usedBy}: ${src} has no captured output in ${OUTPUTS_FILE}; run \`${CAPTURE_COMMAND}\``);
  return run;
}
