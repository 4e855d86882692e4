/**
 * `defineExercise`: how a `check.ts` is written. An author gives typed cases
 * and checks that read one case at a time; the kit turns that into the
 * `CheckSpec` the harness runs and the judge applies.
 *
 * What the kit does so that no spec has to:
 * - gives every case its own seeded random (from the trusted seed and the
 *   case's name), so adding a case never changes another;
 * - builds the `@course/helpers` module with `sleep` and `blockFor`, plus
 *   what the case's setup adds, and hands the very same objects to `call`;
 * - loops a check over the cases it reads (all, or those its `only` picks),
 *   stops at the first failure and names the case in the message;
 * - rebuilds the cases from the seed when judging, so no expected value ever
 *   comes from the Observation (learner code could have forged it).
 */
import type { Json, ScenarioObservation } from '../harness/observation.ts';
import { hashString, mulberry32 } from '../harness/random.ts';
import type { Check, CheckOutcome, CheckSpec, ExportKind, HarnessApi, Scenario } from './spec.ts';

/** A seeded random source for generating cases. */
export interface Rng {
  /** A number in [0, 1). */
  next(): number;
  /** An integer in [low, high], both included. */
  int(low: number, high: number): number;
  /** One of `items`. */
  pick<T>(items: readonly T[]): T;
  /** A short token (base 36) that a hard-coded answer can't guess. */
  token(length?: number): string;
}

function seededRng(seed: number): Rng {
  const next = mulberry32(seed);
  const int = (low: number, high: number) => low + Math.floor(next() * (high - low + 1));
  return {
    next,
    int,
    pick: (items) => items[Math.floor(next() * items.length)],
    token: (length = 4) => Math.floor(next() * 36 ** length).toString(36).padStart(length, '0'),
  };
}

/** The random a case is generated from: the run's seed mixed with the case's name. */
function caseRng(seed: number, name: string): Rng {
  return seededRng(seed ^ hashString(`case:${name}`));
}

/** The learner's exports, typed by the kinds the spec declares (the harness has checked them before `call`). */
type Exported<E extends Record<string, ExportKind>> = {
  [K in keyof E]: E[K] extends 'function' ? (...args: unknown[]) => unknown : E[K] extends 'array' ? unknown[] : unknown;
};

/** One case, set up for a run: what the learner may import, and how the learner's code is called. */
interface CaseSetup<E extends Record<string, ExportKind>> {
  /** Added to `sleep` and `blockFor` in `@course/helpers` (and may replace them). */
  helpers?: Record<string, unknown>;
  /** Calls the learner's export; the case is over when what it returns settles. */
  call: (exports: Exported<E>) => unknown;
}

/** What a check says about one case: nothing (passed), a message (failed), or a full outcome. */
export type CaseVerdict = string | CheckOutcome | undefined;

export interface CaseCheck<C> {
  /** Stable id, named by wrong-answer fixtures. */
  id: string;
  /** What passing means, for a learner. */
  title: string;
  /** The cases this check reads (default: all). Must depend only on what every seed gives a case (its kind), not on generated values. */
  only?: (c: C) => boolean;
  /** Reads one case's observation; the kit adds which case it was. */
  verify(o: ScenarioObservation, c: C): CaseVerdict;
}

/** The case type is inferred from `example` and `cases` (give `example` a declared type when cases are unions), so setup and checks are checked against it. */
interface ExerciseDefinition<C, E extends Record<string, ExportKind>> {
  /** What the learner's module must export. */
  exports: E;
  /** The case Run shows, on the real clock. */
  example: C;
  /** What Check runs, by name, in order. Each gets its own seeded random. */
  cases: Record<string, (rng: Rng) => C>;
  /** How messages name a case ("In the second kitchen (…)"); default `In the "<name>" case`. */
  where?: (c: NoInfer<C>, name: string) => string;
  /** Sets a case up inside the sandbox: its helpers and how to call the learner's export. */
  setup(c: NoInfer<C>, h: HarnessApi): CaseSetup<E>;
  /** Run only: prints what the learner's export resolved to. */
  show?: (value: unknown, h: HarnessApi) => void;
  checks: Array<CaseCheck<NoInfer<C>>>;
  /** Simulated time allowed after the call settles, for late output. */
  graceMs?: number;
  /** The export never rightly rejects in any case (see CheckSpec.mustFulfil); `main` always counts as so. */
  mustFulfil?: boolean;
}

/** A check that reads only the cases `only` picks, with their type narrowed. */
export function forCases<C, S extends C>(only: (c: C) => c is S, check: Omit<CaseCheck<S>, 'only'>): CaseCheck<C> {
  return {
    id: check.id,
    title: check.title,
    only,
    verify: (o, c) => (only(c) ? check.verify(o, c) : undefined),
  };
}

interface NamedCase<C> {
  name: string;
  data: C;
}

export function defineExercise<C, E extends Record<string, ExportKind>>(definition: ExerciseDefinition<C, E>): CheckSpec {
  const names = Object.keys(definition.cases);
  if (names.length === 0) throw new Error('defineExercise: an exercise needs at least one case');
  if (names.includes('run')) throw new Error('defineExercise: "run" is the name of the Run scenario; name the case otherwise');

  // The judge asks for the same seed's cases once per check: keep the last seed's.
  let cached: { seed: number; cases: Array<NamedCase<C>> } | undefined;
  const casesFor = (seed: number): Array<NamedCase<C>> => {
    if (cached?.seed !== seed) cached = { seed, cases: names.map((name) => ({ name, data: definition.cases[name](caseRng(seed, name)) })) };
    return cached.cases;
  };
  const where = (c: NamedCase<C>) => (names.length > 1 ? (definition.where?.(c.data, c.name) ?? `In the "${c.name}" case`) : '');

  const scenario = (name: string, data: C): Scenario => {
    // helpers() and drive() of one scenario run one after the other in the same run: the setup made for one is the one the other uses.
    let setup: CaseSetup<E> | undefined;
    const setUp = (h: HarnessApi) => (setup = definition.setup(data, h));
    return {
      name,
      helpers: (h) =>
        namedAfterKeys({
          sleep: (ms: number, signal?: AbortSignal) => h.sleep(ms, signal),
          blockFor: (ms: number) => h.blockFor(ms),
          ...setUp(h).helpers,
        }),
      drive: (exports, h) => {
        const ready = setup ?? setUp(h);
        setup = undefined;
        // A single `as`: the harness has already checked each export's kind against `definition.exports`.
        const result = ready.call(exports as Exported<E>);
        const show = definition.show;
        if (h.mode !== 'run' || !show) return result;
        return Promise.resolve(result).then((value) => {
          show(value, h);
          return value;
        });
      },
    };
  };

  // Which cases a check reads is decided by the cases' kinds, which every seed gives alike.
  const sample = casesFor(0);
  const checks: Check[] = definition.checks.map((check) => {
    const reads = (c: NamedCase<C>) => !check.only || check.only(c.data);
    return {
      id: check.id,
      title: check.title,
      scenarios: sample.filter(reads).map((c) => c.name),
      verify: (ctx) => {
        const notes: string[] = [];
        for (const c of casesFor(ctx.seed).filter(reads)) {
          const outcome = toOutcome(check.verify(ctx.scenario(c.name), c.data));
          const prefix = where(c);
          if (!outcome.passed) return { ...outcome, message: prefixed(prefix, outcome.message) };
          if (outcome.message) notes.push(prefixed(prefix, outcome.message));
        }
        return notes.length ? { passed: true, message: notes.join(' ') } : { passed: true };
      },
    };
  });

  const spec: CheckSpec = {
    exports: definition.exports,
    run: scenario('run', definition.example),
    scenarios: (seed) => casesFor(seed).map((c) => scenario(c.name, c.data)),
    checks,
  };
  if (definition.graceMs !== undefined) spec.graceMs = definition.graceMs;
  if (definition.mustFulfil) spec.mustFulfil = true;
  return spec;
}

/**
 * Each helper function named as the learner imports it, so a helper passed
 * where its result was meant shows as Node would show it: `[Function: brewCoffee]`.
 */
function namedAfterKeys(helpers: Record<string, unknown>): Record<string, unknown> {
  for (const [key, value] of Object.entries(helpers)) {
    if (typeof value === 'function' && value.name !== key) Object.defineProperty(value, 'name', { value: key, configurable: true });
  }
  return helpers;
}

/** A check not run because the check `because` (its id) stopped it: shown as skipped, not as a failure of its own. */
export function notChecked(because: string, message: string): CheckOutcome {
  return { passed: false, message, skippedBecause: because };
}

function toOutcome(verdict: CaseVerdict): CheckOutcome {
  if (verdict === undefined) return { passed: true };
  if (typeof verdict === 'string') return { passed: false, message: verdict };
  return verdict;
}

function prefixed(prefix: string, message: string): string {
  return prefix ? `${prefix}: ${message}` : message;
}

/** A failure whose expected and actual values the page shows side by side (as a diff when both are lines). */
export function mismatch(message: string, expected: Json, actual: Json): CheckOutcome {
  return { passed: false, message, expected, actual };
}

/** A pass that says something (shown beside the check). */
export function passNote(message: string): CheckOutcome {
  return { passed: true, message };
}
