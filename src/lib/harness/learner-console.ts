/**
 * The console learner code sees: every method prints through the scenario's
 * recorder, and console.time reads the scenario's clock (virtual under Check).
 */
import type { LogLine } from './observation.ts';
import { formatDuration } from './format.ts';

interface ConsoleSink {
  print(stream: LogLine['stream'], args: unknown[]): void;
  now(): number;
  /** +1 for console.group, -1 for groupEnd. */
  indent(delta: 1 | -1): void;
}

export function createConsole(sink: ConsoleSink): Console {
  const counts = new Map<string, number>();
  const started = new Map<string, number>();
  const print = (stream: LogLine['stream']) => (...args: unknown[]) => sink.print(stream, args);
  const elapsed = (label: string) => formatDuration(sink.now() - (started.get(label) ?? 0));
  const consoleObject = {
    log: print('log'),
    info: print('info'),
    debug: print('debug'),
    warn: print('warn'),
    error: print('error'),
    trace: print('error'),
    dir: (value: unknown) => print('log')(value),
    table: (value: unknown) => print('log')(value),
    assert: (condition: unknown, ...args: unknown[]) => {
      if (!condition) print('error')('Assertion failed' + (args.length ? ':' : ''), ...args);
    },
    count: (label = 'default') => {
      const n = (counts.get(label) ?? 0) + 1;
      counts.set(label, n);
      print('log')(`${label}: ${n}`);
    },
    countReset: (label = 'default') => void counts.delete(label),
    time: (label = 'default') => void started.set(label, sink.now()),
    timeLog: (label = 'default', ...args: unknown[]) => print('log')(`${label}: ${elapsed(label)}`, ...args),
    timeEnd: (label = 'default') => {
      print('log')(`${label}: ${elapsed(label)}`);
      started.delete(label);
    },
    group: (...args: unknown[]) => {
      if (args.length) print('log')(...args);
      sink.indent(1);
    },
    groupEnd: () => sink.indent(-1),
  };
  return consoleObject as unknown as Console;
}
