/**
 * The state the event-loop view shows beside each step (src/lib/timeline/steps.ts,
 * stepStates), on a real run of the lesson's snippet: what runs, which
 * microtasks are still ahead in the turn, which timers are waiting, and the
 * source line that printed the step.
 */
import { describe, expect, test } from 'vitest';
import { observeProgram } from '../src/lib/node/observe-program.ts';
import { readSnippet } from '../src/lib/snippets/files.ts';
import { eventLoopSteps, stepStates } from '../src/lib/timeline/steps.ts';

describe('event-loop-view/order.ts, step by step', async () => {
  const source = readSnippet('event-loop-view/order.ts');
  const observation = await observeProgram(source, { budgetMs: 30_000 });
  const scenario = observation.scenarios[0]!;
  const steps = eventLoopSteps(scenario);
  const states = stepStates(scenario, steps, source);
  const at = (text: string) => states[steps.findIndex((s) => s.text === text)]!;

  test('one state per printed line', () => {
    expect(states).toHaveLength(steps.length);
  });

  test('the call stack follows the phase of each line', () => {
    expect(at('script starts').running).toBe('the script');
    expect(at('promise callback').running).toBe('a promise callback');
    expect(at('timer 1 fires').running).toBe("timer 1's callback");
    expect(at('promise callback queued by timer 1').running).toBe('a promise callback queued by timer 1');
  });

  test('timers wait from the moment they are booked until they fire', () => {
    expect(at('script starts').timersWaiting).toEqual([]);
    expect(at('script ends').timersWaiting).toEqual(['timer 1', 'timer 2']);
    expect(at('timer 1 fires').timersWaiting).toEqual(['timer 2']);
    expect(at('timer 2 fires').timersWaiting).toEqual([]);
  });

  test('the microtasks still ahead end at the next timer callback', () => {
    expect(at('script ends').microtasksAhead).toEqual(['promise callback', 'queueMicrotask callback']);
    expect(at('timer 1 fires').microtasksAhead).toEqual(['promise callback queued by timer 1']);
    expect(at('timer 2 fires').microtasksAhead).toEqual([]);
  });

  test('each line points at the source line that printed it', () => {
    const lines = source.split('\n');
    for (const [i, state] of states.entries()) {
      expect(state.sourceLine, steps[i]!.text).toBeDefined();
      expect(lines[state.sourceLine! - 1]).toContain(`'${steps[i]!.text}'`);
    }
  });
});
