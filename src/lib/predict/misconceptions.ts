/**
 * Wrong mental models of the event loop, run on a predict question's
 * snippet: each gives the order of printed lines that a learner holding
 * that model would predict. At build time the <Predict> component computes
 * them from the snippet's source and its real run; in the page, an answer
 * that matches one is told which model produces it and what really happens
 * (feedback.ts), instead of only "2 of 4 lines are in the right place".
 *
 * The models work from two facts per printed line: where the console call
 * that printed it sits in the source (what kind of callback or function it
 * is in), and the phase it really ran in (sync, a microtask, a timer).
 * A model is left out when a line can't be traced to its call, or when the
 * model gives the right order anyway (it explains nothing then).
 */
import ts from 'typescript';
import type { LogLine } from '../harness/observation.ts';
import type { Misconception } from './feedback.ts';

/** Where a console call sits, as the models need it. */
export type CallSite = 'top' | 'timer' | 'microtask' | 'executor' | 'eager' | 'after-await' | 'function';

interface ConsoleCall {
  /** Offset in the source: the order the lines are written in. */
  at: number;
  site: CallSite;
  /** Whether a printed line can have come from this call. */
  matches: (text: string) => boolean;
}

const TIMER_CALLS = new Set(['setTimeout', 'setInterval', 'setImmediate']);
const MICROTASK_CALLS = new Set(['then', 'catch', 'finally', 'queueMicrotask']);

function calleeName(expression: ts.Expression): string | undefined {
  if (ts.isIdentifier(expression)) return expression.text;
  if (ts.isPropertyAccessExpression(expression)) return expression.name.text;
  return undefined;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A matcher for the text a console call prints: exact for a literal, a pattern for a template, none for anything else. */
function matcherOf(call: ts.CallExpression): ((text: string) => boolean) | undefined {
  if (call.arguments.length !== 1) return undefined;
  const arg = call.arguments[0]!;
  if (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg)) return (text) => text === arg.text;
  if (ts.isTemplateExpression(arg)) {
    const pattern = new RegExp(`^${escapeRegExp(arg.head.text)}${arg.templateSpans.map((s) => `[\\s\\S]*?${escapeRegExp(s.literal.text)}`).join('')}$`);
    return (text) => pattern.test(text);
  }
  return undefined;
}

/** What kind of code a console call runs in: the nearest function around it decides. */
function siteOf(node: ts.Node): CallSite {
  let child: ts.Node = node;
  for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (!ts.isFunctionLike(parent)) continue;
    const holder = parent.parent;
    if (holder && ts.isCallExpression(holder) && holder.arguments.includes(parent as ts.Expression)) {
      const name = calleeName(holder.expression);
      if (name && TIMER_CALLS.has(name)) return 'timer';
      if (name && MICROTASK_CALLS.has(name)) return 'microtask';
    }
    if (holder && ts.isNewExpression(holder) && calleeName(holder.expression) === 'Promise') return 'executor';
    const isAsync = (ts.getCombinedModifierFlags(parent as ts.Declaration) & ts.ModifierFlags.Async) !== 0;
    if (isAsync) return awaitBefore(parent, node.getStart()) ? 'after-await' : 'eager';
    void child;
    return 'function';
  }
  return awaitBefore(node.getSourceFile(), node.getStart()) ? 'after-await' : 'top';
}

/** Whether an `await` (or `for await`) in this function's own body comes before the offset. */
function awaitBefore(scope: ts.Node, offset: number): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found || n.getStart() >= offset) return;
    if (n !== scope && ts.isFunctionLike(n)) return;
    if (ts.isAwaitExpression(n) || (ts.isForOfStatement(n) && n.awaitModifier)) {
      if (n.getStart() < offset) found = true;
      return;
    }
    ts.forEachChild(n, visit);
  };
  ts.forEachChild(scope, visit);
  return found;
}

/** Every console.log/info/warn/error call in the source, in source order. */
export function consoleCalls(source: string): ConsoleCall[] {
  const file = ts.createSourceFile('snippet.ts', source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const calls: ConsoleCall[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && ts.isIdentifier(node.expression.expression) && node.expression.expression.text === 'console') {
      const matches = matcherOf(node);
      calls.push({ at: node.getStart(), site: siteOf(node), matches: matches ?? (() => false) });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return calls;
}

/** Each printed line traced to the call that printed it (the first that fits), or undefined if one can't be. */
function trace(lines: readonly Pick<LogLine, 'text' | 'phase'>[], calls: readonly ConsoleCall[]): Array<{ text: string; phase: LogLine['phase']; call: ConsoleCall }> | undefined {
  const traced = [];
  for (const line of lines) {
    const call = calls.find((c) => c.matches(line.text));
    if (!call) return undefined;
    traced.push({ text: line.text, phase: line.phase, call });
  }
  return traced;
}

/** A stable sort: equal keys keep the run's order. */
function sortedBy<T>(items: readonly T[], key: (item: T) => number): T[] {
  return items
    .map((item, index) => ({ item, index, k: key(item) }))
    .sort((a, b) => a.k - b.k || a.index - b.index)
    .map((x) => x.item);
}

/**
 * The wrong orders for a snippet's printed lines (in the order they really
 * came). `lines` are the run's log lines, one printed line each.
 */
export function misconceptions(source: string, lines: readonly Pick<LogLine, 'text' | 'phase'>[]): Misconception[] {
  const traced = trace(lines, consoleCalls(source));
  if (!traced) return [];
  const actual = traced.map((l) => l.text);
  const models: Misconception[] = [];
  const add = (model: Misconception) => {
    const same = (order: readonly string[]) => order.length === model.order.length && order.every((x, i) => x === model.order[i]);
    if (same(actual) || models.some((m) => same(m.order))) return;
    models.push(model);
  };

  add({
    id: 'in-sequence',
    name: 'reading the code top to bottom',
    order: sortedBy(traced, (l) => l.call.at).map((l) => l.text),
    why:
      'That is the order the lines are written in, as if every callback ran where it is written. ' +
      'JavaScript runs the code that is running now to its end first: a `.then` callback or the code after an `await` waits for the microtask queue, and a timer callback for its timer.',
  });

  const waits = (l: (typeof traced)[number]) => l.phase !== 'sync';
  add({
    id: 'timers-first',
    name: 'running timers before promise callbacks',
    order: sortedBy(traced, (l) => (!waits(l) ? 0 : l.call.site === 'timer' ? 1 : 2)).map((l) => l.text),
    why:
      'That order runs timer callbacks before promise callbacks. Every microtask (`.then` callbacks, code after `await`) runs before the event loop takes the next timer, even a timer of 0 ms.',
  });

  // Python's coroutines are lazy: calling one runs none of its body. In JavaScript an async function
  // runs at once up to its first await, and a Promise runs its executor inside `new Promise`.
  const lazy = (l: (typeof traced)[number]) => l.phase === 'sync' && (l.call.site === 'eager' || l.call.site === 'executor');
  if (traced.some(lazy)) {
    const firstLazy = traced.findIndex(lazy);
    const lastSync = traced.reduce((last, l, i) => (l.phase === 'sync' ? i : last), -1);
    const order = [...traced.slice(0, firstLazy).filter((l) => !lazy(l)), ...traced.slice(firstLazy, lastSync + 1).filter((l) => !lazy(l)), ...traced.filter(lazy), ...traced.slice(lastSync + 1)];
    // Only the reasons this snippet has: an async function called, a Promise's executor, or both.
    const eager = traced.some((l) => lazy(l) && l.call.site === 'eager');
    const executor = traced.some((l) => lazy(l) && l.call.site === 'executor');
    const inJs = [
      eager ? 'calling an async function runs its body at once, up to the first `await`' : '',
      executor ? '`new Promise` runs its executor at once, inside the constructor' : '',
    ].filter(Boolean);
    add({
      id: 'python-lazy',
      name: "Python's model, where calling a coroutine runs none of it",
      order: order.map((l) => l.text),
      why:
        'That is how Python runs it: calling a coroutine function only makes a coroutine, and its body waits until it is awaited or its task gets a turn. ' +
        `In JavaScript, ${inJs.join(', and ')}.`,
    });
  }
  return models;
}
