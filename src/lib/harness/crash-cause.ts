/**
 * Teacher's explanations for the classic crashes, given only when the code
 * proves the cause. The engine's text ("r is not iterable", "r.join is not a
 * function") names a symptom; the cause is usually one line further up:
 * `const r = Promise.all(…)` without `await`. We read the learner's code
 * (types stripped, lines kept) and explain a TypeError only when:
 * - it was thrown on a line that iterates a name, or reads a property of it,
 * - and that name is a `const` (or a `let` never assigned again) whose value
 *   is a call that certainly gives a Promise and was not awaited: `Promise.all`
 *   and its siblings, `new Promise`, a function the learner declared `async`,
 *   or a course helper that returns a promise;
 * - or that name is a function (declared, or imported from `@course/helpers`)
 *   used as if it were its result.
 * Anything else keeps the engine's words: a guessed cause sends a learner
 * hunting for a bug that isn't there.
 */
import { parse } from 'acorn';
import { transpile } from './transpile.ts';

type Node = { type: string; start: number; end: number; loc?: { start: { line: number; column: number }; end: { line: number } }; [key: string]: unknown };

/** The course helpers that give back a promise (blockFor and isPrimeSlow return plain values). */
const PROMISE_HELPERS: ReadonlySet<string> = new Set([
  'sleep',
  'operation',
  'brewCoffee',
  'toastBread',
  'fryEggs',
  'saveUser',
  'loadUser',
  'sendEmail',
  'fetchUser',
  'fetchJson',
]);
const PROMISE_STATICS: ReadonlySet<string> = new Set(['all', 'allSettled', 'race', 'any', 'resolve', 'reject']);
const PROMISE_METHODS: ReadonlySet<string> = new Set(['then', 'catch', 'finally']);

/** The learner's code as a tree (ES syntax, types stripped, same lines), or undefined if it doesn't parse. */
export function parseLearnerCode(source: string): Node | undefined {
  const js = transpile(source, { modules: 'esm' });
  if (!js.ok) return undefined;
  try {
    return parse(js.code, { ecmaVersion: 'latest', sourceType: 'module', allowAwaitOutsideFunction: true, locations: true }) as unknown as Node;
  } catch {
    return undefined;
  }
}

function children(node: Node): Node[] {
  const out: Node[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === 'loc') continue;
    if (Array.isArray(value)) for (const v of value) if (v && typeof v === 'object' && typeof (v as Node).type === 'string') out.push(v as Node);
    if (value && typeof value === 'object' && typeof (value as Node).type === 'string') out.push(value as Node);
  }
  return out;
}

function walk(node: Node, visit: (node: Node, parent: Node | undefined) => void, parent?: Node): void {
  visit(node, parent);
  for (const child of children(node)) walk(child, visit, node);
}

/** Names imported from a module: `import { a, b as c } from 'm'` gives m → [{ imported: a, local: a }, …]. */
export function namedImports(tree: Node, from: string): Array<{ imported: string; local: string; line: number }> {
  const found: Array<{ imported: string; local: string; line: number }> = [];
  for (const statement of (tree.body as Node[]) ?? []) {
    if (statement.type !== 'ImportDeclaration' || (statement.source as Node & { value: string }).value !== from) continue;
    for (const s of statement.specifiers as Node[]) {
      if (s.type !== 'ImportSpecifier') continue;
      const imported = s.imported as Node & { name?: string; value?: string };
      found.push({ imported: imported.name ?? String(imported.value), local: (s.local as Node & { name: string }).name, line: s.loc!.start.line });
    }
  }
  return found;
}

const nameOf = (node: Node | undefined): string | undefined => (node?.type === 'Identifier' ? (node as Node & { name: string }).name : undefined);

/** What a call makes, when it is certainly a Promise: "`Promise.all`", "`loadUser(…)`". */
function promiseMaker(init: Node | undefined, asyncFunctions: ReadonlySet<string>, helperLocals: ReadonlyMap<string, string>): string | undefined {
  if (!init) return undefined;
  if (init.type === 'NewExpression' && nameOf(init.callee as Node) === 'Promise') return '`new Promise(…)`';
  if (init.type !== 'CallExpression') return undefined;
  const callee = init.callee as Node;
  if (callee.type === 'MemberExpression' && nameOf(callee.object as Node) === 'Promise') {
    const method = nameOf(callee.property as Node);
    if (method && PROMISE_STATICS.has(method) && !callee.computed) return `\`Promise.${method}\``;
  }
  if (callee.type === 'MemberExpression' && !callee.computed) {
    const method = nameOf(callee.property as Node);
    if (method && PROMISE_METHODS.has(method) && promiseMaker(callee.object as Node, asyncFunctions, helperLocals)) return `\`.${method}(…)\``;
  }
  const name = nameOf(callee);
  if (name && asyncFunctions.has(name)) return `\`${name}(…)\` (an async function)`;
  if (name && helperLocals.has(name) && PROMISE_HELPERS.has(helperLocals.get(name)!)) return `\`${name}(…)\``;
  return undefined;
}

interface Binding {
  kind: 'promise' | 'function';
  /** For a promise: what made it; for a function: its name. */
  maker: string;
  line: number;
}

/** Every name in the code bound, once and for all, to an un-awaited promise or to a function. */
function bindings(tree: Node): Map<string, Binding> {
  const helperLocals = new Map(namedImports(tree, '@course/helpers').map((i) => [i.local, i.imported]));
  const asyncFunctions = new Set<string>();
  const declaredFunctions = new Set<string>();
  const declarations = new Map<string, Node[]>();
  const assigned = new Set<string>();
  walk(tree, (node) => {
    if (node.type === 'FunctionDeclaration') {
      const name = nameOf(node.id as Node);
      if (name) {
        declaredFunctions.add(name);
        if (node.async) asyncFunctions.add(name);
      }
    }
    if (node.type === 'VariableDeclarator') {
      const name = nameOf(node.id as Node);
      if (name) declarations.set(name, [...(declarations.get(name) ?? []), node]);
      const init = node.init as Node | undefined;
      if (name && init && (init.type === 'ArrowFunctionExpression' || init.type === 'FunctionExpression') && init.async) asyncFunctions.add(name);
    }
    if (node.type === 'AssignmentExpression' || node.type === 'UpdateExpression') {
      const target = nameOf((node.left ?? node.argument) as Node);
      if (target) assigned.add(target);
    }
  });
  const found = new Map<string, Binding>();
  for (const [name, decls] of declarations) {
    if (decls.length !== 1 || assigned.has(name) || declaredFunctions.has(name)) continue;
    const maker = promiseMaker(decls[0].init as Node | undefined, asyncFunctions, helperLocals);
    if (maker) found.set(name, { kind: 'promise', maker, line: decls[0].loc!.start.line });
  }
  for (const name of declaredFunctions) if (!declarations.has(name) && !assigned.has(name)) found.set(name, { kind: 'function', maker: name, line: 0 });
  for (const [local] of helperLocals) if (!declarations.has(local) && !assigned.has(local)) found.set(local, { kind: 'function', maker: local, line: 0 });
  return found;
}

/** How a name is used on a line: iterated (for…of, spread, destructuring) or a property read. */
type Use = { name: string; how: 'iterated' } | { name: string; how: 'property'; property: string };

function usesOnLine(tree: Node, line: number): Use[] {
  const uses: Use[] = [];
  const onLine = (n: Node) => n.loc!.start.line <= line && n.loc!.end.line >= line;
  walk(tree, (node) => {
    if (!node.loc || !onLine(node)) return;
    const iterated =
      node.type === 'ForOfStatement' ? (node.right as Node)
      : node.type === 'SpreadElement' ? (node.argument as Node)
      : node.type === 'VariableDeclarator' && (node.id as Node).type === 'ArrayPattern' ? (node.init as Node)
      : undefined;
    const iteratedName = nameOf(iterated);
    if (iteratedName && iterated!.loc!.start.line === line) uses.push({ name: iteratedName, how: 'iterated' });
    if (node.type === 'MemberExpression' && !node.computed && node.loc.start.line === line) {
      const name = nameOf(node.object as Node);
      const property = nameOf(node.property as Node);
      if (name && property) uses.push({ name, how: 'property', property });
    }
  });
  return uses;
}

/** A destructuring or for…of of an un-awaited promise call written on the line itself: `const [a, b] = Promise.all(…)`. */
function directIteration(tree: Node, line: number): string | undefined {
  const helperLocals = new Map(namedImports(tree, '@course/helpers').map((i) => [i.local, i.imported]));
  const asyncFunctions = new Set<string>();
  walk(tree, (node) => {
    if (node.type === 'FunctionDeclaration' && node.async && nameOf(node.id as Node)) asyncFunctions.add(nameOf(node.id as Node)!);
  });
  let maker: string | undefined;
  walk(tree, (node) => {
    if (maker || !node.loc || node.loc.start.line !== line) return;
    const iterated =
      node.type === 'ForOfStatement' ? (node.right as Node)
      : node.type === 'VariableDeclarator' && (node.id as Node).type === 'ArrayPattern' ? (node.init as Node)
      : undefined;
    if (iterated && iterated.loc!.start.line === line) maker = promiseMaker(iterated, asyncFunctions, helperLocals);
  });
  return maker;
}

/** Properties a function doesn't have, whose use on a function is certainly a mistake. */
const NOT_ON_FUNCTIONS: ReadonlySet<string> = new Set(['then', 'catch', 'finally', 'map', 'join', 'forEach', 'filter', 'toUpperCase']);

const ITERATING = 'unpacks it with `[…]`, `for…of` or `...`, which need an array';

/**
 * A teacher's explanation of a TypeError thrown at `line`, or undefined when
 * the code doesn't prove one.
 */
export function explainTypeError(tree: Node | undefined, error: { name?: string; line?: number }): string | undefined {
  if (!tree || error.name !== 'TypeError' || !error.line) return undefined;
  const direct = directIteration(tree, error.line);
  if (direct) {
    const awaited = direct.replace(/^`|`$/g, '').replace(/\s*\(an async function\)$/, '').replace(/`/g, '');
    return `${direct} returns a Promise, and this line ${ITERATING}. Did you mean \`await ${awaited.endsWith(')') ? awaited : `${awaited}(…)`}\`?`;
  }
  const known = bindings(tree);
  for (const use of usesOnLine(tree, error.line)) {
    const binding = known.get(use.name);
    if (!binding) continue;
    if (binding.kind === 'promise') {
      if (use.how === 'property' && PROMISE_METHODS.has(use.property)) continue;
      const what = use.how === 'iterated' ? ITERATING : `reads \`.${use.property}\`, which a Promise doesn't have`;
      const call = binding.maker.replace(/`/g, '').replace(/\s*\(an async function\)$/, '');
      return (
        `\`${use.name}\` is a Promise here: ${binding.maker} returns one (line ${binding.line}), and this line ${what}. ` +
        `Did you mean \`await ${call.endsWith(')') ? call : `${call}(…)`}\`?`
      );
    }
    if (use.how === 'property' && NOT_ON_FUNCTIONS.has(use.property)) {
      return `\`${use.name}\` is the function itself, not what it gives back: this line reads \`.${use.property}\` of the function. Did you mean to call it, \`${use.name}()\`?`;
    }
  }
  return undefined;
}

/** The closest name in `names` to `name` (a misspelling, a wrong case), if one is close enough. */
export function closestName(name: string, names: readonly string[]): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const candidate of names) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (!best || distance < best.distance) best = { name: candidate, distance };
  }
  return best && best.distance <= Math.max(2, Math.floor(name.length / 3)) ? best.name : undefined;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length];
}
