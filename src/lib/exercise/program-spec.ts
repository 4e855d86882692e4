/**
 * The spec for a free-standing program (a lesson's <Sandbox>, a
 * predict-the-output snippet): the module body is the program, as with
 * `node main.ts`. It may import `sleep`, `blockFor` and `Lock` from "@course/helpers",
 * and fetch from the simulated URLs a lesson sets.
 */
import type { CheckSpec, HarnessApi, Route, Scenario } from './spec.ts';
import { lockClass } from './lock.ts';

export const PROGRAM_ID = '@program';

function programScenario(routes: Record<string, Route>): Scenario {
  return {
    name: 'program',
    helpers: (h: HarnessApi) => {
      h.routes(routes);
      return {
        sleep: (ms: number, signal?: AbortSignal) => h.sleep(ms, signal),
        blockFor: (ms: number) => h.blockFor(ms),
        Lock: lockClass(h),
      };
    },
    // Nothing to call: the run is over when the module's top-level code is.
    drive: () => undefined,
  };
}

/** A program spec; `routes` are the simulated endpoints `fetch` answers. */
export function programSpec(routes: Record<string, Route> = {}): CheckSpec {
  const scenario = programScenario(routes);
  return { exports: {}, run: scenario, scenarios: () => [scenario], checks: [] };
}
