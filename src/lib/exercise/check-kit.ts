/** Everything a `check.ts` needs, from one import. */
export { defineCheck } from './spec.ts';
export type { Check, CheckSpec, CheckOutcome, CheckContext, HarnessApi, Scenario, Route } from './spec.ts';
export * from '../judge/facts.ts';
export type { ScenarioObservation, Span, LogLine, Json } from '../harness/observation.ts';
export { mulberry32, hashString } from '../harness/random.ts';
