import { defineCheck, elapsed, fail, ms, nothingFloating, outputIs, pass, spansLabelled, type HarnessApi } from '../../../src/lib/exercise/check-kit.ts';

/** operation() takes 1 s under Run and 1.5 s under Check, so a guessed sleep is caught. */
function helpers(duration: number) {
  return (h: HarnessApi) => {
    let calls = 0;
    return {
      operation: () => {
        h.record('calls', ++calls);
        return h.operation('operation()', duration, () => 'ok');
      },
      sleep: (ms: number, signal?: AbortSignal) => h.sleep(ms, signal),
    };
  };
}

const drive = (exports: Record<string, unknown>) => (exports.main as () => unknown)();

export default defineCheck({
  exports: { main: 'function' },
  run: { name: 'run', helpers: helpers(1000), drive },
  scenarios: () => [{ name: 'main', params: { operationMs: 1500 }, helpers: helpers(1500), drive }],
  checks: [
    outputIs('main', ['Starting', 'Finished']),
    {
      id: 'calls-operation',
      title: 'Calls operation() exactly once',
      scenarios: ['main'],
      verify: (ctx) => {
        const calls = Number(ctx.scenario('main').record.calls ?? 0);
        if (calls === 1) return pass();
        if (calls === 0) return fail('operation() was never called. The point is to wait for the real operation, not to print the lines on a timer of your own.');
        return fail(`operation() was called ${calls} times; call it once and await that one call.`);
      },
    },
    {
      id: 'finished-after',
      title: '"Finished" is printed only after operation() has finished',
      scenarios: ['main'],
      verify: (ctx) => {
        const o = ctx.scenario('main');
        const op = spansLabelled(o, 'operation()')[0];
        const finished = o.logs.find((l) => l.text === 'Finished');
        if (!op || !finished) return fail('Not checked: there is no operation() call or no "Finished" line.');
        if (op.endSeq === undefined || finished.seq < op.endSeq) {
          return fail(
            `"Finished" was printed at ${ms(finished.t)}, before operation() finished${op.end === null ? '' : ` at ${ms(op.end)}`}. ` +
              'Calling an async function starts it and hands you a promise at once; `await` it to wait for the result.',
          );
        }
        return pass();
      },
    },
    {
      id: 'main-waits',
      title: 'main finishes after "Finished", not before',
      scenarios: ['main'],
      verify: (ctx) => {
        const o = ctx.scenario('main');
        const finished = o.logs.find((l) => l.text === 'Finished');
        if (o.settled.state === 'pending') return fail('main never finished.');
        if (!finished) return fail('Not checked: "Finished" was never printed.');
        if (o.settled.seq < finished.seq) {
          return fail(
            `main finished before "Finished" was printed (main at ${ms(elapsed(o))}, the line at ${ms(finished.t)}). ` +
              'A `.then()` callback nobody waits for runs after main has returned: `await` the promise, or return it.',
          );
        }
        return pass();
      },
    },
    nothingFloating(['main']),
  ],
});
