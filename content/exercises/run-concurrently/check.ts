import { allOverlap, defineExercise, notChecked, elapsed, functionName, kindOf, shown, mismatch, ms, nothingFloating, spansLabelled, type Json, type ScenarioObservation } from '../../../src/lib/exercise/kit.ts';

/**
 * Three helpers of different lengths. The contract's kitchen (1000/600/300 ms)
 * runs first; a second kitchen with seeded, reordered timings follows, so an
 * answer that only awaits the slowest helper of the first kitchen fails too.
 * Under Check each value carries a seeded ticket, so a copied string fails.
 */

type Dish = 'coffee' | 'toast' | 'eggs';
const DISHES: Dish[] = ['coffee', 'toast', 'eggs'];
const LABEL: Record<Dish, string> = { coffee: 'brewCoffee()', toast: 'toastBread()', eggs: 'fryEggs()' };
const RUN_TEXT: Record<Dish, string> = { coffee: 'coffee is ready', toast: 'toast is ready', eggs: 'eggs are ready' };
type Timings = Record<Dish, number>;
/** How long each dish takes, and what its helper resolves to. */
interface Kitchen {
  timings: Timings;
  values: Record<Dish, string>;
  /** The contract's own kitchen, or the second one. */
  contract: boolean;
}

const TOLERANCE_MS = 50;
const CONTRACT: Timings = { coffee: 1000, toast: 600, eggs: 300 };

const withTickets = (timings: Timings, contract: boolean, ticket: () => string): Kitchen => ({
  timings,
  contract,
  values: { coffee: `${RUN_TEXT.coffee} (ticket ${ticket()})`, toast: `${RUN_TEXT.toast} (ticket ${ticket()})`, eggs: `${RUN_TEXT.eggs} (ticket ${ticket()})` },
});

const slowest = (t: Timings) => DISHES.reduce((a, b) => (t[b] > t[a] ? b : a));

/** Names a returned value by the helper it came from, without quoting seeded text. */
function nameOf(value: Json, values: Record<Dish, string>): string {
  for (const dish of DISHES) if (value === values[dish]) return LABEL[dish];
  for (const dish of DISHES) if (value === RUN_TEXT[dish]) return `the example text "${RUN_TEXT[dish]}"`;
  return kindOf(value, 'a string none of the helpers returned');
}

/** Names of functions makeBreakfast resolved to (observed in its value), in order. */
function passedFunctions(o: ScenarioObservation): string[] {
  if (o.settled.state !== 'fulfilled' || !Array.isArray(o.settled.value)) return [];
  return o.settled.value.map((v) => functionName(v)).filter((n): n is string => !!n);
}

export default defineExercise({
  mustFulfil: true,
  exports: { makeBreakfast: 'function' },
  example: { timings: CONTRACT, values: RUN_TEXT, contract: true },
  cases: {
    breakfast: (rng) => withTickets(CONTRACT, true, () => rng.token(6)),
    // Coffee is fastest here and toast slowest: neither the input order nor the first kitchen's finishing order.
    'second-kitchen': (rng) => {
      const pick = (low: number, high: number) => low + Math.round((rng.next() * (high - low)) / 10) * 10;
      return withTickets({ coffee: pick(200, 450), eggs: pick(550, 800), toast: pick(900, 1300) }, false, () => rng.token(6));
    },
  },
  where: ({ timings: t, contract }) => `In the ${contract ? 'first' : 'second'} kitchen (coffee ${ms(t.coffee)}, toast ${ms(t.toast)}, eggs ${ms(t.eggs)})`,
  setup: (c: Kitchen, h) => {
    const cook = (dish: Dish) => () => h.operation(LABEL[dish], c.timings[dish], () => c.values[dish]);
    return {
      helpers: { brewCoffee: cook('coffee'), toastBread: cook('toast'), fryEggs: cook('eggs') },
      call: (x) => x.makeBreakfast(),
    };
  },
  show: (value, h) => h.log(`makeBreakfast() resolved to ${shown(value)}`),
  checks: [
    {
      id: 'all-started-first',
      title: 'Every helper starts before any of them finishes',
      verify: (o) => {
        const spans = DISHES.map((d) => spansLabelled(o, LABEL[d]));
        const passed = passedFunctions(o);
        if (passed.length && spans.every((s) => s.length === 0)) {
          return (
            `None of the helpers was ever called, and makeBreakfast resolved to the functions themselves (${passed.map((n) => `\`[Function: ${n}]\``).join(', ')}). ` +
            `Did you write \`${passed[0]}\` where you meant \`${passed[0]}()\`? Promise.all needs the promises the calls return.`
          );
        }
        for (const [k, found] of spans.entries()) {
          if (found.length === 0) return `${LABEL[DISHES[k]]} was never called. makeBreakfast must cook all three dishes with the helpers.`;
          if (found.length > 1) return `${LABEL[DISHES[k]]} was called ${found.length} times; call each helper once and keep its promise.`;
        }
        const first = spans.map((s) => s[0]);
        if (!allOverlap(first)) {
          const late = first.reduce((a, b) => (b.start > a.start ? b : a));
          const done = first.filter((s) => s.end !== null && s.end <= late.start).sort((a, b) => b.end! - a.end!)[0];
          return (
            `${late.label} started at ${ms(late.start)}, after ${done.label} had already finished at ${ms(done.end!)}: ` +
            'the helpers ran one after another. Start all three first (call them without `await` and keep the promises), then await them together with Promise.all.'
          );
        }
        return undefined;
      },
    },
    {
      id: 'elapsed',
      title: 'Takes about as long as the slowest helper, not the sum of all three',
      verify: (o, c) => {
        const t = c.timings;
        const expected = Math.max(...DISHES.map((d) => t[d]));
        const sum = DISHES.reduce((total, d) => total + t[d], 0);
        const took = elapsed(o)!;
        if (Math.abs(took - expected) <= TOLERANCE_MS) return undefined;
        if (DISHES.every((d) => spansLabelled(o, LABEL[d]).length === 0)) {
          return notChecked('all-started-first', 'Not checked: none of the helpers ran, so there was nothing to wait for (see above).');
        }
        const head = `makeBreakfast took ${ms(took)}, expected about ${ms(expected)} (the slowest helper, ${LABEL[slowest(t)]}).`;
        if (took > expected && Math.abs(took - sum) <= TOLERANCE_MS) {
          return (
            `${head} ${DISHES.map((d) => ms(t[d])).join(' + ')} = ${ms(sum)}: the three ran one after another — are you awaiting each helper before calling the next?`
          );
        }
        if (took > expected) return `${head} Some helper waited for another one before it started: start all three before the first await.`;
        const fastest = Math.min(...DISHES.map((d) => t[d]));
        if (took < fastest) {
          return (
            `${head} It finished before even the fastest dish (${ms(fastest)}) was ready, so it waited for none of them. Is an \`await\` missing, or are the helpers called from forEach, which doesn't wait for an async callback?`
          );
        }
        return (
          `${head} It stopped waiting while some dishes were still cooking. Does it use Promise.race? Promise.race settles with the first one to finish, and awaiting only some of the promises stops early too; Promise.all waits for all of them.`
        );
      },
    },
    {
      id: 'result',
      title: "Resolves to the three helpers' values, in the order [coffee, toast, eggs]",
      verify: (o, c) => {
        const values = c.values;
        const expected = DISHES.map((d) => LABEL[d]);
        if (o.settled.state === 'rejected') {
          return `makeBreakfast rejected with ${o.settled.error.name}: ${o.settled.error.message}, but every helper succeeded.`;
        }
        if (o.settled.state !== 'fulfilled') return 'makeBreakfast never finished.';
        const value = o.settled.value;
        if (!Array.isArray(value)) {
          return `makeBreakfast resolved to ${nameOf(value, values)}, not an array. Return [coffee, toast, eggs].`;
        }
        const actual = value.map((v) => nameOf(v, values));
        if (JSON.stringify(actual) === JSON.stringify(expected)) return undefined;
        const t = c.timings;
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
        return mismatch(`The result isn't [coffee, toast, eggs]. ${why}`, expected, actual);
      },
    },
    nothingFloating('makeBreakfast'),
  ],
});
