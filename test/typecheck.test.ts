/**
 * The course's TypeScript (src/lib/typecheck/): its own diagnostics for the
 * async mistakes, over the real `typescript` package with the course's
 * types, and the language features the editor's worker serves.
 */
import { describe, expect, test } from 'vitest';
import { typeCheckSource, courseTypeFiles } from '../src/lib/typecheck/node-files.ts';
import { CourseTypeService } from '../src/lib/typecheck/service.ts';
import ts from 'typescript';

const HELPERS = `import { loadUser, saveUser, sendEmail, sleep, brewCoffee, toastBread, operation, type User } from '@course/helpers';\n`;

/** The body of an async main, with the helpers imported. */
const inMain = (body: string) => `${HELPERS}export async function main(): Promise<void> {\n${body}\n}\n`;

const course = (source: string) => typeCheckSource(source).filter((d) => d.source === 'course');

describe.each([
  // [what, code, diagnostic id, phrase the message contains, the learner's expression it names]
  ['property of a Promise', inMain('console.log(loadUser(1).name);'), 'promise-as-value', 'did you forget `await`?', '`loadUser(1)` is a Promise'],
  ['property through a variable', inMain('const user = loadUser(1);\nconsole.log(user.name);'), 'promise-as-value', '(await user).name', '`user` is a Promise'],
  ['string concatenation', inMain("console.log('hello ' + loadUser(1));"), 'promise-as-value', '[object Promise]', '`loadUser(1)` is a Promise'],
  ['template literal', inMain('console.log(`loaded ${loadUser(1)}`);'), 'promise-as-value', 'template string', '`loadUser(1)` is a Promise'],
  ['arithmetic', inMain('const total = operation() + 1;\nconsole.log(total);'), 'promise-as-value', 'Arithmetic', '`operation()` is a Promise'],
  ['passed where a value is expected', inMain('await sendEmail(loadUser(1), "hi");'), 'promise-as-value', '`sendEmail` expects the value', '`loadUser(1)` is a Promise'],
  ['logged', inMain('console.log(loadUser(1));'), 'promise-as-value', 'Promise { <pending> }', '`loadUser(1)` is a Promise'],
  ['assigned to a typed variable', inMain('const user: User = loadUser(1);\nconsole.log(user);'), 'promise-as-value', 'is expected here', '`loadUser(1)` is a Promise'],
  ['iterated', `${HELPERS}declare function names(): Promise<string[]>;\nexport async function main() {\n  for (const n of names()) console.log(n);\n}\n`, 'promise-as-value', 'not a list', '`names()` is a Promise'],
  ['used as a condition', inMain('if (operation()) console.log("yes");'), 'promise-as-value', 'always truthy', '`operation()` is a Promise'],
  ['dropped as a statement', inMain("const ada: User = { id: 1, name: 'Ada' };\nsaveUser(ada);"), 'floating-promise', 'nothing awaits', '`saveUser(ada)`'],
  ['dropped in a plain function', `${HELPERS}export function start() {\n  sleep(10);\n}\n`, 'floating-promise', 'Did you forget `await`?', '`sleep(10)`'],
  ['dropped .then chain', inMain("loadUser(1).then((u) => console.log(u.name));"), 'floating-promise', 'nothing awaits', '`loadUser(1).then('],
  ['async callback to forEach', inMain('[1, 2].forEach(async (id) => {\n  await loadUser(id);\n});'), 'async-foreach', "doesn't wait for an async callback", '`[1, 2].forEach`'],
  ['async function passed to forEach by name', `${HELPERS}async function save(u: User) { await saveUser(u); }\nexport async function main(users: User[]) {\n  users.forEach(save);\n}\n`, 'async-foreach', 'for (const item of users)', '`users.forEach`'],
  ['Promise.all given functions', inMain('await Promise.all([brewCoffee, toastBread()]);'), 'promise-all-functions', 'Call it, `brewCoffee()`', '`Promise.all` was given `brewCoffee`'],
  ['Promise.all given a list of functions', inMain('const jobs = [brewCoffee, toastBread];\nawait Promise.all(jobs);'), 'promise-all-functions', 'jobs.map((task) => task())', '`Promise.all` was given `jobs`'],
  ['Promise.race given an arrow', inMain('await Promise.race([() => sleep(1), sleep(2)]);'), 'promise-all-functions', 'a function, not a Promise', '`Promise.race` was given `() => sleep(1)`'],
  ['return without await in try/finally', `export async function guarded(work: () => Promise<number>) {\n  try {\n    return work();\n  } finally {\n    console.log('done');\n  }\n}\n`, 'return-without-await', 'return await work()', '`work()` is returned without `await`'],
])('%s', (_what, code, id, phrase, names) => {
  test(`is reported as ${id}, naming the learner's expression`, () => {
    const found = course(code).filter((d) => d.code === id);
    expect(found, JSON.stringify(course(code), null, 1)).toHaveLength(1);
    expect(found[0].message).toContain(phrase);
    expect(found[0].message).toContain(names);
    // The range is the learner's own expression, inside the code.
    const [d] = found;
    expect(d.to).toBeGreaterThan(d.from);
    expect(names.replace(/^`Promise\.\w+` was given /, '')).toContain(code.slice(d.from, d.to).slice(0, 10));
  });
});

describe.each([
  ['awaited values', inMain("const ada: User = { id: 1, name: 'Ada' };\nawait saveUser(ada);\nconst user = await loadUser(1);\nconsole.log(`loaded ${user.name}` + (await operation()));")],
  ['a promise kept and awaited later', inMain('const loading = loadUser(1);\nawait sleep(1);\nconsole.log((await loading).name);')],
  ['then and catch on a promise', inMain('await loadUser(1).then((u) => u.name).catch(() => "none");')],
  ['a handled chain as a statement', inMain('loadUser(1).catch((e) => console.error(e));')],
  ['a microtask queued on purpose', inMain("Promise.resolve().then(() => console.log('microtask'));")],
  ['void marks a deliberate fire-and-forget', inMain('void sleep(5);')],
  ['Promise.all given promises', inMain('const [c, t] = await Promise.all([brewCoffee(), toastBread()]);\nconsole.log(c, t);')],
  ['map with an async callback', inMain('await Promise.all([1, 2].map(async (id) => loadUser(id)));')],
  ['forEach with a plain callback', inMain('[1, 2].forEach((id) => console.log(id));')],
  ['return await in try', `export async function guarded(work: () => Promise<number>) {\n  try {\n    return await work();\n  } finally {\n    console.log('done');\n  }\n}\n`],
  ['returning a promise from an async function', inMain('').replace('Promise<void> {\n', 'Promise<User> {\n  return loadUser(1);')],
  ['comparing promises by identity', inMain('const p = sleep(1);\nconst q = p;\nconsole.log(p === q);\nawait p;')],
])('%s', (_what, code) => {
  test('has no course diagnostic and no type error', () => {
    expect(typeCheckSource(code)).toEqual([]);
  });
});

describe('TypeScript errors', () => {
  test('a type error is reported with TypeScript\'s message at its line', () => {
    const found = typeCheckSource("export function main() {\n  const n: number = 'five';\n  return n;\n}\n");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ line: 2, severity: 'error', source: 'typescript', code: 2322, message: "Type 'string' is not assignable to type 'number'." });
  });

  test('the course message replaces TypeScript\'s for a property read from a Promise', () => {
    const found = typeCheckSource(inMain('console.log(loadUser(1).name);'));
    expect(found.map((d) => d.source)).toEqual(['course']);
  });

  test.each([
    ['document', 'document.title'],
    ['window', 'window.alert("hi")'],
  ])('%s does not exist in the runtimes, so it is an error', (name, code) => {
    const found = typeCheckSource(`export function main() {\n  ${code};\n}\n`);
    expect(found.some((d) => d.message.includes(`'${name}'`))).toBe(true);
  });

  test('the course helpers and node:timers/promises are typed', () => {
    const code = `import { setTimeout as wait } from 'node:timers/promises';\n${inMain('const v: string = await wait(5, "x");\nconst o: string = await operation();\nconsole.log(v, o);')}`;
    expect(typeCheckSource(code)).toEqual([]);
    expect(typeCheckSource(`${HELPERS}await sleep('soon');`).map((d) => d.code)).toEqual([2345]);
    // A course diagnostic on a statement never hides TypeScript's error inside it.
    expect(typeCheckSource(`${HELPERS}sleep('soon');`).map((d) => d.code)).toEqual(['floating-promise', 2345]);
  });
});

describe('the language service the editor uses', () => {
  const service = () => new CourseTypeService(ts, courseTypeFiles());

  test('hovering a helper shows its signature and doc comment', () => {
    const s = service();
    const code = `${HELPERS}await sleep(10);`;
    s.update(code);
    const hover = s.hover(code.lastIndexOf('sleep') + 2);
    expect(hover?.display).toContain('sleep(ms: number, signal?: AbortSignal): Promise<void>');
    expect(hover?.documentation).toMatch(/\w/);
  });

  test('completing "sl" offers sleep with its signature and doc comment', () => {
    const s = service();
    const code = `${HELPERS}sl`;
    s.update(code);
    const result = s.completions(code.length);
    const sleep = result?.options.find((o) => o.label === 'sleep');
    expect(sleep?.detail).toContain('sleep(ms: number');
    expect(sleep?.documentation).toMatch(/\w/);
    expect(result?.from).toBe(code.length - 2);
    expect(result?.options.every((o) => o.label.toLowerCase().startsWith('sl'))).toBe(true);
  });

  test('signature help names the parameter the cursor is in', () => {
    const s = service();
    const code = `${HELPERS}await sendEmail(`;
    s.update(code);
    const help = s.signatureHelp(code.length);
    expect(help?.label).toContain('sendEmail(user: User, subject: string)');
    expect(help && help.active && help.label.slice(help.active.from, help.active.to)).toBe('user: User');
  });

  test('updates are incremental: the same service follows each edit', () => {
    const s = service();
    s.update("const n: number = 'five';");
    expect(s.diagnostics()).toHaveLength(1);
    s.update('const n: number = 5;');
    expect(s.diagnostics()).toEqual([]);
    s.update('');
    expect(s.diagnostics()).toEqual([]);
  });
});
