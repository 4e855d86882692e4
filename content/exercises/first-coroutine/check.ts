import { defineExercise, notChecked, elapsed, learnerTimers, ms, nothingFloating, outputIs, spansLabelled, type ScenarioObservation } from '../../../src/lib/exercise/kit.ts';

/** How long operation() takes: 1 s under Run, 1.5 s under Check, so a guessed sleep is caught. */
type Case = { operationMs: number };

export default defineExercise({
  exports: { main: 'function' },
  example: { operationMs: 1000 },
  cases: { main: () => ({ operationMs: 1500 }) },
  setup: (c: Case, h) => {
    let calls = 0;
    let called = false;
    return {
      helpers: {
        operation: () => {
          h.record('calls', ++calls);
          // Called while the file was still loading: the file itself started the work (a `main()` of its own at the bottom).
          if (!called) h.record('calledWhileLoading', true);
          return h.operation('operation()', c.operationMs, () => 'ok');
        },
      },
      call: (x) => {
        called = true;
        return x.main();
      },
    };
  },
  checks: [
    {
      ...outputIs(['Starting', 'Finished']),
      verify: (o, c) => selfCalled(o) ?? outputIs<Case>(['Starting', 'Finished']).verify(o, c),
    },
    {
      id: 'calls-operation',
      title: 'Calls operation() exactly once',
      verify: (o) => {
        const calls = Number(o.record.calls ?? 0);
        if (calls === 1) return undefined;
        if (calls === 0) {
          // Whether a timer of the learner's stood in for it is observed; `await operation` without () is the other usual cause.
          return learnerTimers(o).length
            ? 'operation() was never called: the lines were printed on a timer of your own instead. The point is to wait for the real operation: `await operation()`.'
            : 'operation() was never called. Did you write `operation` without `()`? `await operation` waits for the function itself, which is not a promise, so nothing runs: write `await operation()`.';
        }
        if (o.record.calledWhileLoading) return notChecked('output', `Not checked apart: operation() was called ${calls} times because your file calls \`main\` itself (see the output check).`);
        return `operation() was called ${calls} times; call it once and await that one call.`;
      },
    },
    {
      id: 'finished-after',
      title: '"Finished" is printed only after operation() has finished',
      verify: (o) => {
        const op = spansLabelled(o, 'operation()')[0];
        const finished = o.logs.find((l) => l.text === 'Finished');
        if (!op) return notChecked('calls-operation', 'Not checked: operation() was never called (see above).');
        if (!finished) return notChecked('output', 'Not checked: "Finished" was never printed (see above).');
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
        const head = `main finished before "Finished" was printed (main at ${ms(elapsed(o))}, the line at ${ms(finished.t)}).`;
        // Which callback printed the line is observed: a timer's (its number), or a promise callback's (no timer).
        const timer = finished.timer !== undefined ? learnerTimers(o).find((t) => t.timer === finished.timer) : undefined;
        if (timer) {
          return `${head} The line was printed by a \`${timer.label.replace(/ \d.*$/, '')}\` callback (${timer.label}), and main doesn't wait for a timer it started. Print it after \`await operation()\` instead.`;
        }
        if (finished.timer === undefined && finished.phase !== 'sync') {
          return `${head} It was printed by a callback that ran after main had returned. Is it in a \`.then()\` nobody waits for? \`await\` the promise, or return it.`;
        }
        return `${head} \`await\` the work before printing, so main ends after it.`;
      },
    },
    nothingFloating(),
  ],
});

const SELF_CALL =
  'It was first called while your file was still loading, before the checker called `main`: does your file call `main()` itself? ' +
  'Here the checker calls `main` for you (as running the file would), so a call of your own runs everything twice: remove it.';

/** The output check's message when the file called main itself (each line then printed twice), or undefined. */
function selfCalled(o: ScenarioObservation): string | undefined {
  if (!o.record.calledWhileLoading) return undefined;
  return `The output doesn't match: ${o.logs.map((l) => JSON.stringify(l.text)).join(', ')}. operation() ${SELF_CALL.replace(/^It /, '')}`;
}
