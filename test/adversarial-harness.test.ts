/**
 * Learner code attacking the harness, through the real CLI path (a worker
 * thread, SES lockdown, a compartment, the judge). Each attack, if it
 * worked, would turn the unsolved starter into "All checks passed": by
 * patching a built-in the harness uses while it builds the Observation, or
 * by reaching the channel the Observation travels on and sending a forged
 * one (copied from a real passing run, so the forgery itself is believable).
 * Each must fail to pass; attacks on built-ins get the course's message.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { checkSource } from '../src/lib/node/check-file.ts';
import { loadExercise } from '../src/lib/node/exercises.ts';
import type { Observation } from '../src/lib/harness/observation.ts';

const EXERCISE = 'first-coroutine';
const exercise = loadExercise(EXERCISE);
let forged: Observation;

beforeAll(async () => {
  const { verdict, observation } = await checkSource(EXERCISE, exercise.solution);
  expect(verdict.passed).toBe(true);
  forged = observation;
}, 60_000);

/** The starter with an attack run when the module loads; FORGED stands for a passing Observation. */
const withAttack = (attack: string) =>
  `const FORGED: any = JSON.parse(${JSON.stringify(JSON.stringify(forged))});\n${attack}\n${exercise.starter}`;

const FROZEN = /freezes built-in objects such as Promise\.prototype/;

describe('learner code cannot forge a pass by patching a built-in', () => {
  test.each([
    ['Promise.prototype.then', `const then = Promise.prototype.then;\nPromise.prototype.then = function (ok: any, ko: any) { return then.call(this, () => ok?.(FORGED), ko); };`],
    ['Array.prototype.push', `Array.prototype.push = function () { return this.length; };`],
    ['JSON.stringify', `(JSON as any).stringify = () => JSON.parse('null');`],
    ['Object.assign', `(Object as any).assign = (target: any) => Object.freeze(target);`],
    ['Function.prototype.call', `Function.prototype.call = function () { return FORGED; } as any;`],
    ['Function.prototype.apply', `Function.prototype.apply = function () { return FORGED; } as any;`],
    ['Array.prototype[Symbol.iterator]', `(Array.prototype as any)[Symbol.iterator] = function* () {};`],
    ['Map.prototype.get', `Map.prototype.get = function () { return undefined; };`],
    ['Set.prototype.has', `Set.prototype.has = function () { return true; };`],
    ['Object.prototype (a getter every object inherits)', `Object.defineProperty(Object.prototype, 'passed', { get: () => true });`],
    ['Object.prototype.hasOwnProperty', `Object.prototype.hasOwnProperty = () => true;`],
    ['Reflect.ownKeys', `(Reflect as any).ownKeys = () => [];`],
    ['String.prototype.includes', `String.prototype.includes = () => true;`],
  ])('%s', async (_name, attack) => {
    const { verdict } = await checkSource(EXERCISE, withAttack(attack));
    expect(verdict.passed).toBe(false);
    const runs = verdict.checks.find((c) => c.id === 'runs')!;
    expect(runs.passed).toBe(false);
    expect(runs.message).toMatch(FROZEN);
  }, 60_000);
});

describe('learner code cannot reach the channel the Observation travels on', () => {
  test.each([
    ['globalThis.postMessage', `(globalThis as any).postMessage?.({ type: 'done', observation: FORGED });`],
    ['parentPort through process.getBuiltinModule', `(process as any).getBuiltinModule?.('node:worker_threads')?.parentPort?.postMessage({ type: 'done', observation: FORGED });`],
    ['parentPort through require', `try { require('node:worker_threads').parentPort.postMessage({ type: 'done', observation: FORGED }); } catch {}`],
    ['the constructor of a function, to leave the compartment', `try { const F = (() => {}).constructor as any; F('return this')().process?.getBuiltinModule?.('node:worker_threads')?.parentPort?.postMessage({ type: 'done', observation: FORGED }); } catch {}`],
    ['a global eval of the host', `try { (0, eval)('globalThis').process?.getBuiltinModule?.('node:worker_threads')?.parentPort?.postMessage({ type: 'done', observation: FORGED }); } catch {}`],
    ['Error.prepareStackTrace, to see the harness on the stack', `try { (Error as any).prepareStackTrace = (_e: any, frames: any[]) => frames.map((f) => f.getThis?.()); const e: any = new Error(); void e.stack; } catch {}`],
    ['process.exitCode and stdout', `try { (process as any).exitCode = 0; (process as any).stdout?.write(JSON.stringify(FORGED)); } catch {}`],
  ])('%s', async (_name, attack) => {
    const { verdict, observation } = await checkSource(EXERCISE, withAttack(attack));
    expect(verdict.passed).toBe(false);
    // The starter's own failure is what was observed: it printed Starting, never Finished.
    expect(observation.scenarios[0].logs.map((l) => l.text)).not.toContain('Finished');
  }, 60_000);
});

describe('the solution still passes under the same hardening', () => {
  test('a class that overrides an inherited method (the override mistake) still works', async () => {
    const source = `class Job { constructor() { (this as any).toString = () => 'job'; } }\nconsole.log(String(new Job()));\n${exercise.solution}`;
    const { verdict } = await checkSource(EXERCISE, source);
    expect(verdict.checks.find((c) => c.id === 'runs')!.passed).toBe(true);
  }, 60_000);

  test('Math.random and Date work in learner code', async () => {
    const source = `const r = Math.random(); const d = new Date(); if (!(r >= 0 && r < 1) || Number.isNaN(d.getTime())) throw new Error('broken');\n${exercise.solution}`;
    const { verdict } = await checkSource(EXERCISE, source);
    expect(verdict.passed).toBe(true);
  }, 60_000);
});
