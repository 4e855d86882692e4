/** Everything a `check.ts` needs, from one import. */
export { defineExercise, forCases, mismatch, passNote, type CaseCheck, type CaseVerdict, type Rng } from './define-exercise.ts';
export { outputIs, nothingFloating, noUnhandledRejections, kindOf } from './common-checks.ts';
export {
  allOverlap,
  elapsed,
  groupLabels,
  learnerTimers,
  ms,
  output,
  peakConcurrency,
  quoteList,
  spansLabelled,
  unhandledRejections,
} from '../judge/facts.ts';
export type { HarnessApi, Route } from './spec.ts';
export type { ScenarioObservation, Span, LogLine, Json } from '../harness/observation.ts';
