import {
  defineExercise,
  elapsed,
  learnerTimers,
  ms,
  nothingFloating,
  outputIs,
  peakConcurrency,
  type ScenarioObservation,
  type Span,
} from '../../../src/lib/exercise/kit.ts';

/** Each piece of work waits this long; three of them together should take about this long too. */
const WAIT_MS = 1000;
const TOLERANCE_MS = 50;
const EXPECTED_OUTPUT = ['result 1, result 2, result 3', 'all done'];

/** The learner's timers that asked for a full wait and were not cleared. */
function fullWaits(o: ScenarioObservation): Span[] {
  return learnerTimers(o).filter((s) => (s.ms ?? 0) >= WAIT_MS && s.outcome !== 'cleared');
}

/** Milliseconds spent in blockFor (CPU spans on the timeline). */
function blockedMs(o: ScenarioObservation): number {
  return o.spans.filter((s) => s.kind === 'cpu').reduce((sum, s) => sum + ((s.end ?? s.start) - s.start), 0);
}

/** The kit's `blockFor` is time.sleep (holds the thread); its `sleep` is asyncio.sleep (a timer the harness records). */
export default defineExercise({
  exports: { main: 'function' },
  example: {},
  cases: { main: () => ({}) },
  setup: () => ({ call: (x) => x.main() }),
  checks: [
    outputIs(EXPECTED_OUTPUT),
    {
      id: 'elapsed',
      title: `main takes about 1 s (${WAIT_MS} ms ± ${TOLERANCE_MS}), not 3 s`,
      verify: (o) => {
        const took = elapsed(o)!;
        if (Math.abs(took - WAIT_MS) <= TOLERANCE_MS) return undefined;
        const head = `main took ${ms(took)}, expected about ${ms(WAIT_MS)}`;
        const blocked = blockedMs(o);
        if (took > WAIT_MS && blocked >= 2 * WAIT_MS) {
          return (
            `${head}: ${ms(blocked)} of it was spent in blockFor. blockFor is like Python's time.sleep: it holds the thread, ` +
              'so nothing else runs meanwhile, even inside an async function or Promise.all. Wait with `await sleep(1000)` instead.'
          );
        }
        const waits = fullWaits(o);
        if (took > WAIT_MS && waits.length >= 2 && peakConcurrency(waits) === 1) {
          return (
            `${head}: the ${waits.length} waits ran one after another. Are you awaiting each work() before starting the next? ` +
              'Start all three first, then wait for all of them together (Promise.all).'
          );
        }
        if (took < WAIT_MS) {
          return (
            `${head}: main finished before a full second had passed, so it did not wait for the work. ` +
              'Is an `await` missing, or is the work started from forEach, which never waits for an async callback?'
          );
        }
        return `${head}. The three pieces of work should each wait ${ms(WAIT_MS)}, all at the same time.`;
      },
    },
    {
      id: 'overlap',
      title: `Three waits of ${WAIT_MS} ms were running at the same moment`,
      verify: (o) => {
        const waits = fullWaits(o);
        const peak = peakConcurrency(waits);
        const short = learnerTimers(o).filter((s) => (s.ms ?? 0) > 0 && (s.ms ?? 0) < WAIT_MS);
        const cut = waits.filter((s) => s.end !== null && s.end - s.start < WAIT_MS);
        if (peak >= 3 && cut.length === 0) return undefined;
        if (cut.length) {
          return `A wait of ${ms(cut[0].ms)} ended after only ${ms(cut[0].end! - cut[0].start)}. Each piece of work must wait its full ${ms(WAIT_MS)}.`;
        }
        if (waits.length === 0 && short.length) {
          return (
            `Your waits were shorter than the work: ${short.slice(0, 4).map((s) => ms(s.ms)).join(', ')}. ` +
              `Splitting a second into smaller waits makes the total look right, but each of the three pieces of work must still wait its full ${ms(WAIT_MS)}, at the same time as the others.`
          );
        }
        if (waits.length === 0) {
          const blocked = blockedMs(o);
          return (
            `No non-blocking wait of ${ms(WAIT_MS)} was found${blocked ? `, and ${ms(blocked)} went to blockFor, which holds the thread` : ''}. ` +
              'Make work() async and have it `await sleep(1000)`; a blocking call can never overlap with anything.'
          );
        }
        if (waits.length < 3) {
          return (
            `Only ${waits.length} wait${waits.length === 1 ? '' : 's'} of ${ms(WAIT_MS)} ran in all, so at most ${peak} at once. ` +
              'A total of one second is not enough: each of the three pieces of work must wait its own full second, and the three waits must run at the same time.'
          );
        }
        return (
          `At most ${peak} of your ${waits.length} waits of ${ms(WAIT_MS)} were running at the same moment; all three should be. ` +
            'Start every work() call before awaiting any of them, e.g. `await Promise.all([work(1), work(2), work(3)])`.'
        );
      },
    },
    nothingFloating(),
  ],
});
