import { defineExercise, elapsed, ms, nothingFloating, outputIs, spansLabelled } from '../../../src/lib/exercise/kit.ts';

/** How long operation() takes: 1 s under Run, 1.5 s under Check, so a guessed sleep is caught. */
type Case = { operationMs: number };

export default defineExercise({
  exports: { main: 'function' },
  example: { operationMs: 1000 },
  cases: { main: () => ({ operationMs: 1500 }) },
  setup: (c: Case, h) => {
    let calls = 0;
    return {
      helpers: {
        operation: () => {
          h.record('calls', ++calls);
          return h.operation('operation()', c.operationMs, () => 'ok');
        },
      },
      call: (x) => x.main(),
    };
  },
  checks: [
    outputIs(['Starting', 'Finished']),
    {
      id: 'calls-operation',
      title: 'Calls operation() exactly once',
      verify: (o) => {
        const calls = Number(o.record.calls ?? 0);
        if (calls === 1) return undefined;
        if (calls === 0) return 'operation() was never called. The point is to wait for the real operation, not to print the lines on a timer of your own.';
        return `operation() was called ${calls} times; call it once and await that one call.`;
      },
    },
    {
      id: 'finished-after',
      title: '"Finished" is printed only after operation() has finished',
      verify: (o) => {
        const op = spansLabelled(o, 'operation()')[0];
        const finished = o.logs.find((l) => l.text === 'Finished');
        if (!op || !finished) return 'Not checked: there is no operation() call or no "Finished" line.';
        if (op.endSeq !== undefined && finished.seq >= op.endSeq) return undefined;
        return (
          `"Finished" was printed at ${ms(finished.t)}, before operation() finished${op.end === null ? '' : ` at ${ms(op.end)}`}. ` +
          'Calling an async function starts it and hands you a promise at once; `await` it to wait for the result.'
        );
      },
    },
    {
      id: 'main-waits',
      title: 'main finishes after "Finished", not before',
      verify: (o) => {
        const finished = o.logs.find((l) => l.text === 'Finished');
        if (o.settled.state === 'pending') return 'main never finished.';
        if (!finished) return 'Not checked: "Finished" was never printed.';
        if (o.settled.seq >= finished.seq) return undefined;
        return (
          `main finished before "Finished" was printed (main at ${ms(elapsed(o))}, the line at ${ms(finished.t)}). ` +
          'A `.then()` callback nobody waits for runs after main has returned: `await` the promise, or return it.'
        );
      },
    },
    nothingFloating(),
  ],
});
