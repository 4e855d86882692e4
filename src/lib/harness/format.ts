/**
 * console.log formatting that reads like Node's, in every runtime, so Run in
 * the browser prints what `node main.js` would. Covers what course code
 * prints: strings, numbers, arrays, plain objects, Maps, Sets, errors,
 * and the %s %d %i %f %j %o %O placeholders.
 */
import { frozenBuiltInHint } from './hardening.ts';

const MAX_DEPTH = 2;
const MAX_ITEMS = 100;

export function formatArgs(args: readonly unknown[]): string {
  if (args.length === 0) return '';
  const [first, ...rest] = args;
  let head: string;
  let remaining = rest;
  if (typeof first === 'string' && rest.length > 0 && /%[sdifjoOc%]/.test(first)) {
    const queue = [...rest];
    head = first.replace(/%([sdifjoOc%])/g, (whole, code: string) => {
      if (code === '%') return '%';
      if (queue.length === 0) return whole;
      const value = queue.shift();
      switch (code) {
        case 's': return typeof value === 'string' ? value : inspect(value, 1);
        case 'd': case 'i': {
          const n = Number(value);
          return code === 'i' ? String(Math.trunc(n)) : String(n);
        }
        case 'f': return String(Number(value));
        case 'j': try { return JSON.stringify(value); } catch { return '[Circular]'; }
        case 'c': return '';
        default: return inspect(value, MAX_DEPTH);
      }
    });
    remaining = queue;
  } else {
    head = typeof first === 'string' ? first : inspect(first, MAX_DEPTH);
  }
  return [head, ...remaining.map((v) => (typeof v === 'string' ? v : inspect(v, MAX_DEPTH)))].join(' ');
}

export function inspect(value: unknown, depth = MAX_DEPTH, seen: unknown[] = []): string {
  switch (typeof value) {
    case 'string': return seen.length === 0 ? value : quote(value);
    case 'number': return Object.is(value, -0) ? '-0' : String(value);
    case 'bigint': return `${value}n`;
    case 'boolean': case 'undefined': return String(value);
    case 'symbol': return value.toString();
    case 'function': return functionText(value);
  }
  if (value === null) return 'null';
  const object = value as object;
  if (seen.includes(object)) return '[Circular *1]';
  if (object instanceof Error) return errorText(object);
  if (object instanceof Date) return Number.isNaN(object.getTime()) ? 'Invalid Date' : object.toISOString();
  if (object instanceof RegExp) return String(object);
  // Node shows a promise's state; JavaScript can't read it synchronously, and what a
  // learner prints or returns un-awaited is, in this course, a call still in flight.
  if (object instanceof Promise) return 'Promise { <pending> }';
  if (typeof AbortSignal !== 'undefined' && object instanceof AbortSignal) return `AbortSignal { aborted: ${object.aborted} }`;
  const inner = [...seen, object];
  const nested = (v: unknown) => (depth <= 0 && typeof v === 'object' && v !== null ? (Array.isArray(v) ? '[Array]' : '[Object]') : inspect(v, depth - 1, inner));
  if (Array.isArray(object)) {
    const items = object.slice(0, MAX_ITEMS).map((v) => nested(v));
    if (object.length > MAX_ITEMS) items.push(`... ${object.length - MAX_ITEMS} more items`);
    return wrap('[', items, ']');
  }
  if (object instanceof Map) {
    const items = [...object].slice(0, MAX_ITEMS).map(([k, v]) => `${nested(k)} => ${nested(v)}`);
    return `Map(${object.size}) ${wrap('{', items, '}')}`;
  }
  if (object instanceof Set) {
    const items = [...object].slice(0, MAX_ITEMS).map((v) => nested(v));
    return `Set(${object.size}) ${wrap('{', items, '}')}`;
  }
  const items = Object.keys(object).slice(0, MAX_ITEMS).map((key) => `${propertyKey(key)}: ${nested((object as Record<string, unknown>)[key])}`);
  const proto = Object.getPrototypeOf(object);
  const name = proto && proto !== Object.prototype && proto.constructor?.name ? `${proto.constructor.name} ` : proto === null ? '[Object: null prototype] ' : '';
  return name + wrap('{', items, '}');
}

/** `[Function: name]`, `[AsyncFunction: name]`, `[class Name]`, as Node shows them. */
function functionText(value: Function): string {
  const source = Function.prototype.toString.call(value);
  if (/^class[\s{]/.test(source)) return `[class ${value.name || '(anonymous)'}]`;
  const kind = value.constructor?.name === 'AsyncFunction' ? 'AsyncFunction' : 'Function';
  return value.name ? `[${kind}: ${value.name}]` : `[${kind} (anonymous)]`;
}

function wrap(open: string, items: string[], close: string): string {
  if (items.length === 0) return `${open}${close}`;
  const oneLine = `${open} ${items.join(', ')} ${close}`;
  if (oneLine.length <= 72) return oneLine;
  return `${open}\n${items.map((i) => `  ${i.replace(/\n/g, '\n  ')}`).join(',\n')}\n${close}`;
}

function quote(text: string): string {
  const q = text.includes("'") && !text.includes('"') ? '"' : "'";
  return q + text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(new RegExp(q, 'g'), `\\${q}`) + q;
}

function propertyKey(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? key : quote(key);
}

/** An Error as Node prints its first line: "TypeError: message". */
export function errorText(error: Error): string {
  const name = error.name || 'Error';
  return error.message ? `${name}: ${error.message}` : name;
}

/** Describes any thrown value for a learner: errors by name and message, the rest by what they are. */
export function describeThrown(value: unknown): { name: string; message: string } {
  if (value instanceof Error) {
    const hint = frozenBuiltInHint(value);
    return { name: value.name || 'Error', message: hint ? `${value.message}. ${hint}` : value.message };
  }
  if (value === undefined) return { name: 'undefined', message: 'undefined was thrown (not an Error)' };
  if (value === null) return { name: 'null', message: 'null was thrown (not an Error)' };
  if (typeof value === 'string') return { name: 'string', message: `${value} (a string was thrown, not an Error)` };
  return { name: typeof value, message: `${inspect(value, 1)} was thrown (not an Error)` };
}

/** A duration as console.time prints it in Node: `20.000ms`, `1.500s`. */
export function formatDuration(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(3)}s` : `${ms.toFixed(3)}ms`;
}

export { whereInCode } from './where-in-code.ts';
