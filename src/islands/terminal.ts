/**
 * The terminal panel of the Node.js runtime (xterm.js), loaded with that
 * runtime only. Run and Check stream into it; the learner can type commands
 * (`node main.js`, `node run.mjs`, `node check.mjs`) into a jsh shell in the
 * same container.
 */
import { Terminal } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import '@xterm/xterm/css/xterm.css';
import type { Runner, ShellProcess } from '../lib/runtime/runner.ts';

export interface CourseTerminal {
  write(chunk: string): void;
}

/** `runner` must have a shell (the Node.js runtime); the panel only mounts a terminal for one that does. */
export async function mountTerminal(host: HTMLElement, runner: Runner): Promise<CourseTerminal> {
  const term = new Terminal({
    convertEol: false,
    cursorBlink: true,
    fontSize: 14,
    fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
    // One dark scheme in both page themes: every colour below reaches 4.5:1 on it.
    theme: { background: '#0d1117', foreground: '#e6edf3', cursor: '#e6edf3', brightBlack: '#9198a1', red: '#ff7b72' },
    // xterm.js keeps a live, readable copy of the output for screen readers.
    screenReaderMode: true,
    rows: 12,
  });
  const fit = new FitAddon();
  term.loadAddon(fit);
  term.open(host);
  fit.fit();
  term.writeln('\x1b[2mNode.js terminal: try `node main.js`, `node run.mjs` or `node check.mjs`.\x1b[0m');

  let shell: ShellProcess | undefined;
  try {
    if (!runner.shell) throw new Error('this runtime has no shell');
    shell = await runner.shell({ cols: term.cols, rows: term.rows });
    void shell.output.pipeTo(new WritableStream({ write: (data) => term.write(data) })).catch(() => undefined);
    const input = shell.input.getWriter();
    term.onData((data) => void input.write(data).catch(() => undefined));
  } catch (error) {
    term.writeln(`\x1b[31mThe shell couldn't start: ${(error as Error).message}\x1b[0m`);
  }
  new ResizeObserver(() => {
    if (!host.offsetParent) return;
    fit.fit();
    shell?.resize?.({ cols: term.cols, rows: term.rows });
  }).observe(host);
  return { write: (chunk) => term.write(chunk) };
}
