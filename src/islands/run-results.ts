/**
 * What the workbench needs only once a run has returned: the Observation
 * schema that every result passes first, the view models and DOM for Output
 * and Check results, and the judge. One chunk, fetched at the first sign of
 * a run (editor focus, the pointer on the toolbar, or Run/Check itself) and
 * alongside the sandbox worker, so it is in by the time the run answers;
 * the island itself stays smaller and the editor comes up sooner.
 */
export { readLogLines, readObservation, UNREADABLE_RUN } from '../lib/observation-schema.ts';
export { judge } from '../lib/judge/judge.ts';
export { appendRows, showOutput, showVerdict } from './results-view.ts';
export { entryOf, readsTiming, errorPosition, logRow, offsetOf, outputRows, runSummary, verdictView } from './view-model.ts';
export { OutputPacer } from './output-pacer.ts';
