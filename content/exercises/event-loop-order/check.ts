import { defineExercise, mismatch, type HarnessApi, type LogLine, type ScenarioObservation } from '../../../src/lib/exercise/kit.ts';

/**
 * The learner predicts the order of demo()'s lines; we compare with a real
 * run. The harness tags each line with its phase (sync / microtask / timer),
 * which lets a failure say *why* a line came earlier than predicted.
 */

const MARK = 'demo() on the stack';

/** Snapshot `predicted` before demo() runs (so pushing onto it from demo doesn't count), then call demo(). */
function callDemo(exports: { predicted: unknown[]; demo: () => unknown }, h: HarnessApi) {
  const predicted = exports.predicted;
  // Copied element by element now, into an array the learner never holds, rather than with the list's own
  // (replaceable) map: nothing written into `predicted` or its copy later can count.
  const snapshot: Array<string | { notAString: string }> = [];
  for (let i = 0; i < predicted.length; i++) {
    const line = predicted[i];
    snapshot.push(typeof line === 'string' ? line : { notAString: String(line) });
  }
  h.record('predicted', snapshot);
  // A span from the call to its return: lines before it (printed while the module loaded) are left out.
  const span = h.span(MARK);
  try {
    return exports.demo();
  } finally {
    span.end();
  }
}

const PHASE_RANK: Record<LogLine['phase'], number> = { sync: 0, microtask: 1, timer: 2 };
const PHASE_WORDS: Record<LogLine['phase'], string> = {
  sync: 'synchronously, while demo() was running',
  microtask: 'from a promise callback or microtask',
  timer: 'from a timer',
};

/** Lines demo() produced: everything after the call marker. */
function demoLines(o: ScenarioObservation): LogLine[] {
  const mark = o.spans.find((s) => s.label === MARK);
  const from = mark?.startSeq ?? 0;
  return o.logs.filter((l) => l.seq > from);
}

const quote = (text: string) => JSON.stringify(text);

/** Why `actual` came before `predicted` (which appears later, in phase `later`). */
function why(actual: LogLine, later: LogLine | undefined): string {
  if (!later) return '';
  const a = actual.phase;
  const p = later.phase;
  if (a === 'sync' && p === 'microtask') {
    return (
      ' Code after an `await`, or inside a `.then()` callback, waits in the microtask queue until the code running now has finished — ' +
      'even when the promise it waits for is already resolved. (`forEach` and `map` don\'t wait for an async callback either.)'
    );
  }
  if (a === 'sync' && p === 'timer') {
    return ' A timer can\'t interrupt code that is running: it fires only once demo() has returned and every microtask is done, even with a delay of 0.';
  }
  if (a === 'microtask' && p === 'timer') {
    return ' All microtasks run before the first timer fires, even `setTimeout(…, 0)`: the microtask queue is emptied every time the stack is.';
  }
  if (a === 'sync') {
    return (
      ' Both are logged synchronously, so they come in the order the code runs them. ' +
      'Calling an async function runs its body at once, up to its first `await` (a Python coroutine would wait until awaited), and a `new Promise` executor runs at once too.'
    );
  }
  if (a === 'microtask') {
    return (
      ' Both run as microtasks, in the order they were queued: a `.then()` callback is queued only when its promise resolves, ' +
      'and each `await` costs at least one more trip through the queue.'
    );
  }
  return ' Both come from timers: timers fire in order of due time, equal ones in the order they were created, and the microtasks a timer callback queues run before the next timer.';
}

export default defineExercise({
  exports: { predicted: 'array', demo: 'function' },
  example: {},
  cases: { demo: () => ({}) },
  setup: (_c, h) => ({ call: (x) => callDemo(x, h) }),
  graceMs: 10_000,
  checks: [
    {
      id: 'predicts-before-running',
      title: 'The prediction is written out, not recorded from a run of demo() while the module loads',
      verify: (o) => {
        const from = o.spans.find((s) => s.label === MARK)?.startSeq;
        if (from === undefined) return undefined;
        const early = o.spans.filter((s) => s.owner === 'learner' && s.startSeq < from);
        const printed = o.logs.filter((l) => l.seq < from);
        if (early.length === 0 && printed.length === 0) return undefined;
        const what = [
          early.length ? `${early.length} timer${early.length === 1 ? '' : 's'} or other async work (${early.slice(0, 3).map((s) => s.label).join(', ')})` : '',
          printed.length ? `${printed.length} printed line${printed.length === 1 ? '' : 's'}` : '',
        ].filter(Boolean);
        return (
          `Before the course called demo(), your code had already started ${what.join(' and ')} while your module was loading. ` +
          'Running demo() yourself and recording what it logs is not a prediction: the module should only define demo and the `predicted` list, written out by hand.'
        );
      },
    },
    {
      id: 'order-matches',
      title: 'Your prediction matches the real order of the lines',
      verify: (o) => {
        const lines = demoLines(o);
        const actual = lines.map((l) => l.text);
        const snapshot = (o.record.predicted ?? []) as Array<string | { notAString: string }>;
        const bad = snapshot.findIndex((p) => typeof p !== 'string');
        if (bad >= 0) {
          const shown = (snapshot[bad] as { notAString: string }).notAString;
          return (`predicted[${bad}] is ${shown}, not a string. Write each line exactly as demo() logs it, in quotes.`);
        }
        const predicted = snapshot as string[];
        if (JSON.stringify(predicted) === JSON.stringify(actual)) return undefined;
        if (predicted.length === 0) {
          return mismatch(
            `You predicted 0 lines, but demo() logged ${actual.length}. ` +
              'The check reads `predicted` right after loading your module, before it calls demo(), so lines pushed onto it while demo() runs don\'t count: write the prediction out.',
            predicted,
            actual,
          );
        }
        if (actual.length === 0) return mismatch('demo() logged nothing. Log a few short labels with console.log.', predicted, actual);
        const i = predicted.findIndex((p, k) => p !== actual[k]);
        if (i === -1 || i >= actual.length) {
          // One is a prefix of the other.
          const n = Math.min(predicted.length, actual.length);
          return predicted.length > actual.length
            ? mismatch(
                `The first ${n} lines match, but demo() logged only ${actual.length} lines and you predicted ${predicted.length}: ${quote(predicted[n])} was never logged after them.`,
                predicted,
                actual,
              )
            : mismatch(
                `The first ${n} lines match, but demo() logged ${actual.length} lines and you predicted ${predicted.length}: next came ${quote(actual[n])} (logged ${PHASE_WORDS[lines[n].phase]}).`,
                predicted,
                actual,
              );
        }
        const a = lines[i];
        const p = predicted[i];
        const laterIndex = actual.indexOf(p, i + 1);
        const later = laterIndex >= 0 ? lines[laterIndex] : undefined;
        let message = `Line ${i + 1}: you predicted ${quote(p)}, but the real run logged ${quote(a.text)} there (${PHASE_WORDS[a.phase]}).`;
        if (!actual.includes(p)) message += ` demo() never logged ${quote(p)} at all — check the spelling.`;
        else if (later) message += ` ${quote(p)} came later, at line ${laterIndex + 1} (${PHASE_WORDS[later.phase]}).`;
        else message += ` ${quote(p)} had already been logged earlier.`;
        if (later && PHASE_RANK[later.phase] >= PHASE_RANK[a.phase]) message += why(a, later);
        return mismatch(message, predicted, actual);
      },
    },
    {
      id: 'all-phases',
      title: 'demo() logs at least one line synchronously, one from a microtask and one from a timer',
      verify: (o) => {
        const lines = demoLines(o);
        const has = (phase: LogLine['phase']) => lines.some((l) => l.phase === phase);
        const missing: string[] = [];
        if (!has('sync')) missing.push('no line was logged synchronously (a plain `console.log` in demo\'s body)');
        if (!has('microtask')) missing.push('nothing came from a promise callback or microtask (e.g. `Promise.resolve().then(() => console.log(…))` or `queueMicrotask`)');
        if (!has('timer')) missing.push('nothing came from a timer (e.g. `setTimeout(() => console.log(…), 0)`)');
        if (missing.length === 0) return undefined;
        const counts = (['sync', 'microtask', 'timer'] as const).map((ph) => `${lines.filter((l) => l.phase === ph).length} ${ph}`).join(', ');
        const copied = !has('microtask') && !has('timer') && lines.length > 1
          ? ' Printing the expected lines one after another proves nothing about the event loop: let the loop decide the order.'
          : '';
        return (`demo() logged ${lines.length} lines (${counts}): ${missing.join('; ')}.${copied}`);
      },
    },
  ],
});
