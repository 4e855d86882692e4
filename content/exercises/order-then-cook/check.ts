import { defineExercise, elapsed, kindOf, ms, nothingFloating, outputIs, spansLabelled, type CaseCheck, type HarnessApi, type Rng } from '../../../src/lib/exercise/kit.ts';

/**
 * A case: the order number `serve` is called with, the dish the order turns
 * out to be, what cooking it gives, and how long each step takes. Under
 * Check the dish and the cooked result carry a seeded token, so an answer
 * that writes them itself fails.
 */
type Case = { title: string; orderId: number; dish: string; cooked: string; orderMs: number; cookMs: number };

const ORDER_LABEL = 'takeOrder()';
const COOK_LABEL = 'cook()';
const SLACK_MS = 20;

function generated(rng: Rng): Case {
  const dish = `${rng.pick(['ramen', 'falafel', 'paella', 'pierogi', 'tacos', 'dal'])} ${rng.token(3)}`;
  const orderMs = rng.int(2, 6) * 100;
  const cookMs = rng.int(4, 9) * 100;
  return {
    title: `the generated order (takeOrder ${ms(orderMs)}, cook ${ms(cookMs)})`,
    orderId: rng.int(10, 99),
    dish,
    cooked: `${dish}, cooked (${rng.token(4)})`,
    orderMs,
    cookMs,
  };
}

/** takeOrder and cook record what they were called with; the judge compares that with the case. */
function helpers(c: Case, h: HarnessApi) {
  const orders: string[] = [];
  const cooks: string[] = [];
  h.record('orders', orders);
  h.record('cooks', cooks);
  const describe = (value: unknown) =>
    value instanceof Promise || (typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function')
      ? 'a Promise'
      : typeof value === 'string'
        ? value
        : `a ${value === undefined ? 'missing value' : typeof value}`;
  return {
    takeOrder: (id: unknown) => {
      orders.push(String(id));
      h.record('orders', orders);
      return h.operation(ORDER_LABEL, c.orderMs, () => c.dish, { detail: `order ${String(id)}` });
    },
    cook: (dish: unknown) => {
      cooks.push(describe(dish));
      h.record('cooks', cooks);
      const right = dish === c.dish;
      return h.operation(COOK_LABEL, c.cookMs, () => (right ? c.cooked : `something odd (cook was given ${describe(dish)})`));
    },
  };
}

function ordersOnce(): CaseCheck<Case> {
  return {
    id: 'takes-order',
    title: 'Calls takeOrder(orderId) once, with the order number it was given',
    verify: (o, c) => {
      const orders = (o.record.orders as string[] | undefined) ?? [];
      if (orders.length === 0) return 'takeOrder was never called. serve starts by asking for the order: `await takeOrder(orderId)`.';
      if (orders.length > 1) return `takeOrder was called ${orders.length} times; call it once and keep what it gives you in a variable.`;
      if (orders[0] !== String(c.orderId)) return `takeOrder was called with ${orders[0]}, but serve was given order ${c.orderId}. Pass on the orderId parameter.`;
      return undefined;
    },
  };
}

function cooksTheDish(): CaseCheck<Case> {
  return {
    id: 'cooks-the-dish',
    title: 'Calls cook once, with the dish takeOrder resolved to',
    verify: (o, c) => {
      const cooks = (o.record.cooks as string[] | undefined) ?? [];
      if (cooks.length === 0) return 'cook was never called. Once the order is in, cook its dish: `await cook(dish)`.';
      if (cooks.length > 1) return `cook was called ${cooks.length} times; cook the dish once.`;
      if (cooks[0] === c.dish) return undefined;
      if (cooks[0] === 'a Promise') {
        return 'cook was given a Promise, not a dish. takeOrder(orderId) hands back a promise at once; `await` it to get the dish itself.';
      }
      return 'cook was given something other than the dish takeOrder resolved to. Pass cook exactly what `await takeOrder(orderId)` gave you.';
    },
  };
}

function cooksAfterOrder(): CaseCheck<Case> {
  return {
    id: 'one-after-the-other',
    title: 'Cooking starts only once the order is in',
    verify: (o) => {
      const order = spansLabelled(o, ORDER_LABEL)[0];
      const cook = spansLabelled(o, COOK_LABEL)[0];
      if (!order || !cook) return 'Not checked: takeOrder or cook was never called.';
      if (order.endSeq !== undefined && cook.startSeq > order.endSeq) return undefined;
      return `cook started at ${ms(cook.start)}, before the order was in${order.end === null ? '' : ` at ${ms(order.end)}`}. The second step needs the first one's result, so await the first before you start the second.`;
    },
  };
}

function returnsCooked(): CaseCheck<Case> {
  return {
    id: 'returns-meal',
    title: "Resolves to what cook resolved to, as soon as it's ready",
    verify: (o, c) => {
      if (o.settled.state === 'rejected') return `serve rejected with ${o.settled.error.name}: ${o.settled.error.message}. Neither step fails, so it should resolve.`;
      if (o.settled.state !== 'fulfilled') return 'serve never finished.';
      const value = o.settled.value;
      if (value !== c.cooked) {
        const what = value === null ? 'nothing' : kindOf(value, 'a string that is not what cook gave back');
        return `serve resolved to ${what}. Return the value of \`await cook(dish)\`: a function's \`return\` is what awaiting it gives the caller.`;
      }
      const at = elapsed(o) ?? 0;
      const ready = c.orderMs + c.cookMs;
      if (at > ready + SLACK_MS) return `serve resolved at ${ms(at)}, though the meal was ready at ${ms(ready)}. Return as soon as cook is done; don't wait any longer.`;
      return undefined;
    },
  };
}

const EXAMPLE: Case = { title: 'the example', orderId: 7, dish: 'pancakes', cooked: 'pancakes, cooked', orderMs: 300, cookMs: 500 };

export default defineExercise({
  exports: { serve: 'function' },
  example: EXAMPLE,
  cases: {
    'order-7': (rng) => ({ ...EXAMPLE, title: 'order 7', dish: `pancakes ${rng.token(3)}`, cooked: `pancakes, cooked (${rng.token(4)})` }),
    generated,
  },
  where: (c) => `In ${c.title}`,
  setup: (c, h) => ({ helpers: helpers(c, h), call: (x) => x.serve(c.orderId) }),
  show: (value, h) => h.log(`serve resolved to ${JSON.stringify(value)}`),
  checks: [
    outputIs((c: Case) => [`order ${c.orderId}: ${c.dish}`]),
    ordersOnce(),
    cooksTheDish(),
    cooksAfterOrder(),
    returnsCooked(),
    nothingFloating('serve'),
  ],
});
