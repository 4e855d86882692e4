import {
  allOverlap,
  defineCheck,
  elapsed,
  fail,
  mulberry32,
  ms,
  nothingFloating,
  pass,
  spansLabelled,
  type HarnessApi,
  type Json,
  type Scenario,
  type ScenarioObservation,
} from '../../../src/lib/exercise/check-kit.ts';

/**
 * Three helpers of different lengths. The contract's kitchen (1000/600/300 ms)
 * runs first; a second kitchen with seeded, reordered timings follows, so an
 * answer that only awaits the slowest helper of the first kitchen fails too.
 * Under Check each value carries a seeded token, so a copied string fails.
 */

type Dish = 'coffee' | 'toast' | 'eggs';
const DISHES: Dish[] = ['coffee', 'toast', 'eggs'];
const LABEL: Record<Dish, string> = { coffee: 'brewCoffee()', toast: 'toastBread()', eggs: 'fryEggs()' };
const RUN_TEXT: Record<Dish, string> = { coffee: 'coffee is ready', toast: 'toast is ready', eggs: 'eggs are ready' };
type Timings = Record<Dish, number>;

const TOLERANCE_MS = 50;

function helpers(timings: Timings) {
  return (h: HarnessApi) => {
    const values = {} as Record<Dish, string>;
    for (const dish of DISHES) values[dish] = h.mode === 'run' ? RUN_TEXT[dish] : `${RUN_TEXT[dish]} (ticket ${h.token()})`;
    h.record('values', values);
    const cook = (dish: Dish) => () => h.operation(LABEL[dish], timings[dish], () => values[dish]);
    return {
      brewCoffee: cook('coffee'),
      toastBread: cook('toast'),
      fryEggs: cook('eggs'),
      sleep: (delay: number, signal?: AbortSignal) => h.sleep(delay, signal),
    };
  };
}

const call = (exports: Record<string, unknown>) => (exports.makeBreakfast as () => unknown)();

function kitchen(name: string, timings: Timings): Scenario {
  return { name, params: timings, helpers: helpers(timings), drive: call };
}

const CONTRACT: Timings = { coffee: 1000, toast: 600, eggs: 300 };
const SCENARIOS = ['breakfast', 'second-kitchen'];

/** Coffee is fastest here and toast slowest: neither the input order nor the first kitchen's finishing order. */
function secondKitchen(seed: number): Timings {
  const random = mulberry32(seed ^ 0x0b1e55ed);
  const pick = (low: number, high: number) => low + Math.round((random() * (high - low)) / 10) * 10;
  return { coffee: pick(200, 450), eggs: pick(550, 800), toast: pick(900, 1300) };
}

const timingsOf = (o: ScenarioObservation) => o.params as unknown as Timings;
const where = (o: ScenarioObservation) => {
  const t = timingsOf(o);
  return o.scenario === 'breakfast' ? '' : `In the second kitchen (coffee ${ms(t.coffee)}, toast ${ms(t.toast)}, eggs ${ms(t.eggs)}): `;
};
/** Prefixes a message with the kitchen it is about (nothing for the contract's own kitchen). */
const say = (o: ScenarioObservation, text: string) => {
  const prefix = where(o);
  return prefix ? `${prefix}${text[0].toLowerCase()}${text.slice(1)}` : text;
};
const slowest = (t: Timings) => DISHES.reduce((a, b) => (t[b] > t[a] ? b : a));

/** Names a returned value by the helper it came from, without quoting seeded text. */
function nameOf(value: Json, values: Record<Dish, string>): string {
  for (const dish of DISHES) if (value === values[dish]) return LABEL[dish];
  for (const dish of DISHES) if (value === RUN_TEXT[dish]) return `the example text "${RUN_TEXT[dish]}"`;
  if (typeof value === 'string' && value.startsWith('Promise')) return 'a Promise (not awaited)';
  if (value === null) return 'undefined';
  if (value === '') return 'an empty string';
  if (typeof value === 'string') return 'a string none of the helpers returned';
  return `a ${Array.isArray(value) ? 'list' : typeof value}`;
}

export default defineCheck({
  exports: { makeBreakfast: 'function' },
  run: {
    name: 'run',
    helpers: helpers(CONTRACT),
    drive: async (exports, h) => {
      const result = await call(exports);
      h.log(`makeBreakfast() resolved to ${JSON.stringify(result)}`);
      return result;
    },
  },
  scenarios: (seed) => [kitchen('breakfast', CONTRACT), kitchen('second-kitchen', secondKitchen(seed))],
  checks: [
    {
      id: 'all-started-first',
      title: 'Every helper starts before any of them finishes',
      scenarios: SCENARIOS,
      verify: (ctx) => {
        for (const name of SCENARIOS) {
          const o = ctx.scenario(name);
          const spans = DISHES.map((d) => spansLabelled(o, LABEL[d]));
          for (const [k, found] of spans.entries()) {
            if (found.length === 0) return fail(say(o, `${LABEL[DISHES[k]]} was never called. makeBreakfast must cook all three dishes with the helpers.`));
            if (found.length > 1) return fail(say(o, `${LABEL[DISHES[k]]} was called ${found.length} times; call each helper once and keep its promise.`));
          }
          const first = spans.map((s) => s[0]);
          if (!allOverlap(first)) {
            const late = first.reduce((a, b) => (b.start > a.start ? b : a));
            const done = first.filter((s) => s.end !== null && s.end <= late.start).sort((a, b) => b.end! - a.end!)[0];
            return fail(
              say(o, `${late.label} started at ${ms(late.start)}, after ${done.label} had already finished at ${ms(done.end!)}: ` +
                'the helpers ran one after another. Start all three first (call them without `await` and keep the promises), then await them together with Promise.all.'),
            );
          }
        }
        return pass();
      },
    },
    {
      id: 'elapsed',
      title: 'Takes about as long as the slowest helper, not the sum of all three',
      scenarios: SCENARIOS,
      verify: (ctx) => {
        for (const name of SCENARIOS) {
          const o = ctx.scenario(name);
          const t = timingsOf(o);
          const expected = Math.max(...DISHES.map((d) => t[d]));
          const sum = DISHES.reduce((total, d) => total + t[d], 0);
          const took = elapsed(o)!;
          if (Math.abs(took - expected) <= TOLERANCE_MS) continue;
          const head = say(o, `makeBreakfast took ${ms(took)}, expected about ${ms(expected)} (the slowest helper, ${LABEL[slowest(t)]}).`);
          if (took > expected && Math.abs(took - sum) <= TOLERANCE_MS) {
            return fail(
              `${head} ${DISHES.map((d) => ms(t[d])).join(' + ')} = ${ms(sum)}: the three ran one after another — are you awaiting each helper before calling the next?`,
            );
          }
          if (took > expected) return fail(`${head} Some helper waited for another one before it started: start all three before the first await.`);
          const fastest = Math.min(...DISHES.map((d) => t[d]));
          if (took < fastest) {
            return fail(
              `${head} It finished before even the fastest dish (${ms(fastest)}) was ready, so nothing was awaited: a missing \`await\`, or forEach with an async callback, which doesn't wait.`,
            );
          }
          return fail(
            `${head} It stopped waiting while some dishes were still cooking. Promise.race settles with the first one to finish, and awaiting only some of the promises stops early too; Promise.all waits for all of them.`,
          );
        }
        return pass();
      },
    },
    {
      id: 'result',
      title: "Resolves to the three helpers' values, in the order [coffee, toast, eggs]",
      scenarios: SCENARIOS,
      verify: (ctx) => {
        for (const name of SCENARIOS) {
          const o = ctx.scenario(name);
          const values = o.record.values as Record<Dish, string>;
          const expected = DISHES.map((d) => LABEL[d]);
          if (o.settled.state === 'rejected') {
            return fail(say(o, `makeBreakfast rejected with ${o.settled.error.name}: ${o.settled.error.message}, but every helper succeeded.`));
          }
          if (o.settled.state !== 'fulfilled') return fail('makeBreakfast never finished.');
          const value = o.settled.value;
          if (!Array.isArray(value)) {
            return fail(say(o, `makeBreakfast resolved to ${nameOf(value, values)}, not an array. Return [coffee, toast, eggs].`));
          }
          const actual = value.map((v) => nameOf(v, values));
          if (JSON.stringify(actual) === JSON.stringify(expected)) continue;
          const t = timingsOf(o);
          const finishOrder = [...DISHES].sort((a, b) => t[a] - t[b]).map((d) => LABEL[d]);
          let why: string;
          if (JSON.stringify(actual) === JSON.stringify(finishOrder)) {
            why = 'They are in the order the dishes finished, fastest first. Promise.all keeps the order of the promises you give it, whatever order they finish in.';
          } else if (value.length !== 3) {
            why = `It returned ${value.length} item${value.length === 1 ? '' : 's'} instead of 3: ${actual.join(', ') || 'nothing'}.`;
          } else if (actual.some((a) => a.startsWith('the example text'))) {
            why = "The check's helpers return different text on every run: return what the helpers resolve to, not text copied from the example.";
          } else {
            const k = actual.findIndex((a, i) => a !== expected[i]);
            why = `Item ${k + 1} is ${actual[k]}; it should be what ${expected[k]} resolved to.`;
          }
          return fail(say(o, `The result isn't [coffee, toast, eggs]. ${why}`), expected, actual);
        }
        return pass();
      },
    },
    nothingFloating(SCENARIOS, 'makeBreakfast'),
  ],
});
