/** Everything a `check.ts` needs, from one import. */
export { defineExercise, forCases, mismatch, notChecked, passNote, type CaseCheck, type CaseVerdict, type Rng } from './define-exercise.ts';
export { outputIs, nothingFloating, noUnhandledRejections, kindOf, functionName } from './common-checks.ts';
export {
  allOverlap,
  elapsed,
  groupLabels,
  jsonShown,
  learnerTimers,
  ms,
  output,
  peakConcurrency,
  quoteList,
  spansLabelled,
  unhandledRejections,
} from '../judge/facts.ts';
export type { HarnessApi, Route } from './spec.ts';
/** A value as Node's console.log shows it (`[Function: brewCoffee]`, `Promise { <pending> }`), for Run's notes. */
export { inspect as shown } from '../harness/format.ts';
export type { ScenarioObservation, Span, LogLine, Json } from '../harness/observation.ts';
