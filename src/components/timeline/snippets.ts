/**
 * Build time only: a lesson snippet (content/snippets/<path>.ts) run under
 * the virtual clock, for the figures <Timeline>, <CompareTimelines> and
 * <EventLoopSteps> draw. The files and the runs come from the lessons' one
 * snippet loader (../lesson/data.ts), so each snippet runs once per build,
 * however many figures or pages show it. Nothing here reaches the browser.
 */
import type { ScenarioObservation } from '../../lib/harness/observation.ts';
import { runSnippet, snippet } from '../lesson/data.ts';

/** A snippet's source text; the build fails, naming the component and the snippet, if it does not exist. */
export function snippetSource(src: string, component: string): string {
  return snippet(src, `<${component} src="${src}">`).source;
}

const scenarios = new Map<string, Promise<ScenarioObservation>>();

/**
 * Runs a snippet and returns its one scenario. The build fails, naming the
 * snippet, if it does not exist, does not compile, or the run broke down
 * (an error the snippet throws on purpose is kept and drawn).
 */
export function observeSnippet(src: string, component: string): Promise<ScenarioObservation> {
  const file = snippet(src, `<${component} src="${src}">`);
  let run = scenarios.get(file.src);
  if (!run) {
    run = runSnippet(file).then((observation) => {
      const problem =
        observation.compileError ??
        observation.scenarios[0]?.errors.find((e) => e.kind === 'internal' || e.kind === 'budget' || e.kind === 'virtual-limit');
      const scenario = observation.scenarios[0];
      if (problem || !scenario) {
        throw new Error(`<${component} src="${src}">: the snippet did not run cleanly: ${problem?.message ?? 'no scenario'}`);
      }
      return scenario;
    });
    scenarios.set(file.src, run);
  }
  return run;
}

let counter = 0;
/** Ids unique on a page (the browser island uses "tl-i…"). */
export const buildId = (kind: string) => `tl-b${kind}${++counter}`;
