/**
 * Every component a lesson may use, handed to each lesson's MDX once (the
 * lesson page passes this to `<Content components={…} />`), so a lesson
 * writes `<PyTs …/>` or `<Exercise id="…" />` with no import line.
 */
import CompareTimelines from './timeline/CompareTimelines.astro';
import EventLoopSteps from './timeline/EventLoopSteps.astro';
import Timeline from './timeline/Timeline.astro';
import Exercise from './Exercise.astro';
import Sandbox from './Sandbox.astro';
import Predict from './lesson/Predict.astro';
import PyTs from './lesson/PyTs.astro';
import Snippet from './lesson/Snippet.astro';

export const lessonComponents = { CompareTimelines, EventLoopSteps, Exercise, Predict, PyTs, Sandbox, Snippet, Timeline };
