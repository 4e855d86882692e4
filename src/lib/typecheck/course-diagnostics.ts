/**
 * The course's own diagnostics: the async mistakes that are well-typed (or
 * that TypeScript reports in words about types rather than about waiting),
 * found from the AST and the checker and named in the course's words.
 *
 * - promise-as-value: a Promise read, added, printed, iterated or passed
 *   where its value was meant ("`loadUser(1)` is a Promise; did you forget
 *   `await`?");
 * - floating-promise: a call whose Promise is dropped as a statement;
 * - async-foreach: an async callback given to `forEach`, which never waits;
 * - promise-all-functions: `Promise.all` (or allSettled, race, any) given
 *   functions instead of the promises they would return;
 * - return-without-await: `return promise` inside a `try` of an async
 *   function, so its catch and finally run before the promise settles.
 *
 * A dropped `.then(…)` chain is only a warning: the event-loop lessons
 * schedule callbacks that way on purpose. `Promise.resolve().then(…)`, the
 * way to queue a microtask, is not reported at all.
 *
 * Pure: a function of a source file and its checker.
 */
import type * as TS from 'typescript';

type CourseDiagnosticId = 'promise-as-value' | 'floating-promise' | 'async-foreach' | 'promise-all-functions' | 'return-without-await';

interface CourseDiagnostic {
  id: CourseDiagnosticId;
  /** The learner's expression the message names. */
  from: number;
  to: number;
  /** The whole construct: a TypeScript error inside it says the same thing less plainly, so it is dropped. */
  covers: { from: number; to: number };
  severity: 'error' | 'warning';
  message: string;
}

const MISSING_AWAIT = (code: string) => `\`${code}\` is a Promise; did you forget \`await\`?`;

const ARITHMETIC = new Set<string>(['+', '-', '*', '/', '%', '**', '<', '>', '<=', '>=', '+=', '-=', '*=', '/=', '%=', '**=']);
const COMBINATORS = new Set(['all', 'allSettled', 'race', 'any']);
/** Methods that handle a rejection, so a chain ending in one is not left floating. */
const HANDLED = new Set(['catch']);

export function courseDiagnostics(ts: typeof TS, file: TS.SourceFile, checker: TS.TypeChecker): CourseDiagnostic[] {
  const found: CourseDiagnostic[] = [];
  const reported = new Set<TS.Node>();

  const text = (node: TS.Node) => {
    const raw = node.getText(file).replace(/\s+/g, ' ').trim();
    return raw.length > 48 ? `${raw.slice(0, 45)}…` : raw;
  };
  const span = (node: TS.Node) => ({ from: node.getStart(file), to: node.getEnd() });
  const add = (id: CourseDiagnosticId, node: TS.Node, message: string, covers: TS.Node = node, severity: CourseDiagnostic['severity'] = 'error') => {
    if (reported.has(node)) return;
    reported.add(node);
    found.push({ id, ...span(node), covers: span(covers), severity, message });
  };

  const isThenable = (type: TS.Type): boolean => {
    if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.Never)) return false;
    if (type.isUnion()) {
      const parts = type.types.filter((t) => !(t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null | ts.TypeFlags.Void)));
      return parts.length > 0 && parts.every(isThenable);
    }
    const then = type.getProperty('then');
    if (!then) return false;
    return checker.getTypeOfSymbol(then).getCallSignatures().length > 0;
  };
  const isCallable = (type: TS.Type) => type.getCallSignatures().length > 0 && !isThenable(type);

  /** The node whose parent says how a value is used: the expression outside any parentheses. */
  const outer = (node: TS.Node) => {
    let use = node;
    while (ts.isParenthesizedExpression(use.parent)) use = use.parent;
    return use;
  };

  const promiseAsValue = (node: TS.Expression) => {
    const use = outer(node);
    const ctx = use.parent;
    const code = text(node);
    const say = (detail: string, covers: TS.Node = use) => add('promise-as-value', node, `${MISSING_AWAIT(code)} ${detail}`, covers);

    if ((ts.isPropertyAccessExpression(ctx) || ts.isPropertyAccessChain(ctx)) && ctx.expression === use) {
      const name = ctx.name.text;
      if (name === 'then' || name === 'catch' || name === 'finally') return;
      return say(`\`.${name}\` is read from the Promise itself, not from the value it will give: write \`(await ${code}).${name}\`, or await it into a variable first.`, ctx);
    }
    if (ts.isElementAccessExpression(ctx) && ctx.expression === use) {
      return say('Indexing the Promise itself gives undefined: await it first, then index the value.', ctx);
    }
    if (ts.isBinaryExpression(ctx) && ARITHMETIC.has(ts.tokenToString(ctx.operatorToken.kind) ?? '') && (ctx.left === use || ctx.right === use)) {
      const other = ctx.left === use ? ctx.right : ctx.left;
      const stringy = ctx.operatorToken.kind === ts.SyntaxKind.PlusToken || ctx.operatorToken.kind === ts.SyntaxKind.PlusEqualsToken
        ? (checker.getTypeAtLocation(other).flags & ts.TypeFlags.StringLike) !== 0
        : false;
      return say(stringy ? 'Joined to a string it becomes "[object Promise]": await it to get its value.' : 'Arithmetic or comparison on a Promise gives NaN or nonsense: await it to get the value.', ctx);
    }
    if (ts.isTemplateSpan(ctx) && ctx.expression === use) {
      return say('In a template string it becomes "[object Promise]": await it to get its value.');
    }
    if (ts.isPrefixUnaryExpression(ctx)) {
      return say('A Promise is always truthy and is not a number: await it to get the value.', ctx);
    }
    if ((ts.isIfStatement(ctx) || ts.isWhileStatement(ctx) || ts.isDoStatement(ctx)) && ctx.expression === use) {
      return say('A Promise is always truthy, so this condition never looks at what it resolves to.');
    }
    if (ts.isConditionalExpression(ctx) && ctx.condition === use) {
      return say('A Promise is always truthy, so this condition never looks at what it resolves to.');
    }
    if ((ts.isForOfStatement(ctx) && ctx.expression === use && !ctx.awaitModifier) || ts.isSpreadElement(ctx)) {
      return say('A Promise is not a list: await it to get the items, then loop over them.', ctx);
    }
    if (ts.isVariableDeclaration(ctx) && ctx.initializer === use && ts.isArrayBindingPattern(ctx.name)) {
      return say('A Promise is not a list: await it before taking it apart.', ctx);
    }
    if ((ts.isCallExpression(ctx) || ts.isNewExpression(ctx)) && ctx.arguments?.includes(use as TS.Expression)) {
      const callee = ctx.expression;
      if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === 'console') {
        return say('Printing it shows "Promise { <pending> }", not the value: await it first.');
      }
      if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === 'JSON') {
        return say('JSON.stringify turns a Promise into "{}": await it first.');
      }
      if (expectsValue(use as TS.Expression)) return say(`\`${text(callee)}\` expects the value, not a Promise of it.`);
      return;
    }
    const annotated =
      (ts.isVariableDeclaration(ctx) && ctx.initializer === use && ctx.type) ||
      (ts.isReturnStatement(ctx) && ctx.expression === use) ||
      (ts.isPropertyAssignment(ctx) && ctx.initializer === use) ||
      (ts.isBinaryExpression(ctx) && ctx.operatorToken.kind === ts.SyntaxKind.EqualsToken && ctx.right === use);
    if (annotated && expectsValue(use as TS.Expression)) {
      const expected = checker.getContextualType(use as TS.Expression);
      return say(`A \`${checker.typeToString(expected!)}\` is expected here, and the Promise only gives one once awaited.`, ctx);
    }
  };

  /** The place wants what the promise resolves to, and not the promise itself. */
  const expectsValue = (use: TS.Expression): boolean => {
    const expected = checker.getContextualType(use);
    if (!expected || expected.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return false;
    const type = checker.getTypeAtLocation(use);
    if (checker.isTypeAssignableTo(type, expected)) return false;
    const awaited = checker.getAwaitedType(type);
    return awaited !== undefined && checker.isTypeAssignableTo(awaited, expected);
  };

  const floating = (statement: TS.ExpressionStatement) => {
    let expr = statement.expression;
    while (ts.isParenthesizedExpression(expr)) expr = expr.expression;
    if (!ts.isCallExpression(expr) && !ts.isNewExpression(expr)) return;
    if (ts.isCallExpression(expr) && ts.isPropertyAccessExpression(expr.expression)) {
      const method = expr.expression.name.text;
      if (HANDLED.has(method) || (method === 'then' && expr.arguments.length >= 2)) return;
    }
    if (!isThenable(checker.getTypeAtLocation(expr))) return;
    const chained = isThenChain(expr);
    if (chained === 'microtask') return;
    const code = text(expr);
    add(
      'floating-promise',
      expr,
      chained
        ? `\`${code}\` gives a Promise that nothing awaits: the code after it goes on before the chain has finished, and if it fails nobody hears. If the rest of the function needs it, \`await\` it (or return it).`
        : `\`${code}\` gives a Promise that nothing awaits: the code after it goes on before it has finished, and if it fails nobody hears. Did you forget \`await\`? (To start it now and wait later, keep the Promise in a variable and await that.)`,
      expr,
      chained ? 'warning' : 'error',
    );
  };

  /** A `.then`/`.finally` chain, and whether it starts from `Promise.resolve()` (queueing a microtask on purpose). */
  const isThenChain = (expr: TS.Expression): false | 'chain' | 'microtask' => {
    let node: TS.Expression = expr;
    let chained = false;
    while (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && ['then', 'finally'].includes(node.expression.name.text)) {
      chained = true;
      node = node.expression.expression;
    }
    if (!chained) return false;
    const root = node;
    const microtask =
      ts.isCallExpression(root) &&
      ts.isPropertyAccessExpression(root.expression) &&
      ts.isIdentifier(root.expression.expression) &&
      root.expression.expression.text === 'Promise' &&
      root.expression.name.text === 'resolve';
    return microtask ? 'microtask' : 'chain';
  };

  const returnInTry = (statement: TS.ReturnStatement) => {
    const value = statement.expression;
    if (!value || ts.isAwaitExpression(value)) return;
    let node: TS.Node = statement;
    let guarded: TS.TryStatement | undefined;
    while (node.parent && !ts.isFunctionLike(node.parent)) {
      const parent = node.parent;
      if (ts.isTryStatement(parent) && parent.tryBlock === node && !guarded) guarded = parent;
      node = parent;
    }
    const fn = node.parent;
    if (!guarded || !fn || !ts.isFunctionLike(fn) || !(ts.getCombinedModifierFlags(fn as TS.Declaration) & ts.ModifierFlags.Async)) return;
    if (!isThenable(checker.getTypeAtLocation(value))) return;
    const code = text(value);
    const what = guarded.finallyBlock && guarded.catchClause ? 'the `catch` and `finally`' : guarded.finallyBlock ? 'the `finally`' : 'the `catch`';
    add(
      'return-without-await',
      value,
      `\`${code}\` is returned without \`await\` inside \`try\`: the function leaves the \`try\` at once, so ${what} runs before it settles${guarded.catchClause ? ' and cannot catch its error' : ''}. Write \`return await ${code}\`.`,
      statement,
    );
  };

  const asyncForEach = (call: TS.CallExpression) => {
    const callee = call.expression;
    if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'forEach') return;
    const callback = call.arguments[0];
    if (!callback) return;
    const isAsync =
      ((ts.isArrowFunction(callback) || ts.isFunctionExpression(callback)) && callback.modifiers?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword)) ||
      checker.getTypeAtLocation(callback).getCallSignatures().some((s) => isThenable(s.getReturnType()));
    if (!isAsync) return;
    const list = text(callee.expression);
    add(
      'async-foreach',
      callee,
      `\`${list}.forEach\` doesn't wait for an async callback: it starts one call per item and drops their Promises, so the code after it runs before they finish (and their errors go unheard). Use \`for (const item of ${list}) { await … }\` to go one by one, or \`await Promise.all(${list}.map(async (item) => …))\` to run them at once.`,
      call,
    );
  };

  const combinatorGivenFunctions = (call: TS.CallExpression) => {
    const callee = call.expression;
    if (!ts.isPropertyAccessExpression(callee) || !ts.isIdentifier(callee.expression) || callee.expression.text !== 'Promise') return;
    const method = callee.name.text;
    if (!COMBINATORS.has(method)) return;
    const arg = call.arguments[0];
    if (!arg) return;
    const name = `Promise.${method}`;
    if (ts.isArrayLiteralExpression(arg)) {
      for (const element of arg.elements) {
        if (ts.isSpreadElement(element) || !isCallable(checker.getTypeAtLocation(element))) continue;
        const code = text(element);
        const call = ts.isIdentifier(element) || ts.isPropertyAccessExpression(element) ? `${code}()` : `(${code})()`;
        add(
          'promise-all-functions',
          element,
          `\`${name}\` was given \`${code}\`, a function, not a Promise: it never calls it, so that work doesn't run (and ${name} resolves with the function itself). Call it, \`${call}\`, and pass the Promise it returns.`,
          element,
        );
      }
      return;
    }
    const type = checker.getTypeAtLocation(arg);
    const item = checker.getIndexTypeOfType(type, ts.IndexKind.Number);
    if (item && isCallable(item)) {
      const code = text(arg);
      add(
        'promise-all-functions',
        arg,
        `\`${name}\` was given \`${code}\`, a list of functions, not of Promises: it never calls them, so none of that work runs. Call each one, e.g. \`${name}(${code}.map((task) => task()))\`.`,
      );
    }
  };

  const isValueExpression = (node: TS.Node): node is TS.Expression =>
    ts.isCallExpression(node) ||
    ts.isNewExpression(node) ||
    ts.isPropertyAccessExpression(node) ||
    ts.isElementAccessExpression(node) ||
    (ts.isIdentifier(node) && isReference(node));

  const isReference = (id: TS.Identifier): boolean => {
    const p = id.parent;
    if (ts.isPropertyAccessExpression(p) && p.name === id) return false;
    if (ts.isQualifiedName(p) && p.right === id) return false;
    if ('name' in p && (p as { name?: TS.Node }).name === id) return false;
    if (ts.isImportSpecifier(p) || ts.isExportSpecifier(p) || ts.isTypeReferenceNode(p)) return false;
    return true;
  };

  const visit = (node: TS.Node) => {
    if (ts.isExpressionStatement(node)) floating(node);
    if (ts.isReturnStatement(node)) returnInTry(node);
    if (ts.isCallExpression(node)) {
      asyncForEach(node);
      combinatorGivenFunctions(node);
    }
    if (isValueExpression(node) && isThenable(checker.getTypeAtLocation(node))) promiseAsValue(node);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found.sort((a, b) => a.from - b.from);
}
