/**
 * Benchmark: check every exercise fixture (solution, starter, wrong and
 * accepted answers) through the CLI's path — a worker thread per run, on the
 * virtual clock — and print how long it took. Reports only; never asserts
 * on time.
 *
 *   node scripts/bench/fixtures.ts [--json]
 */
import { exerciseIds, loadExercise } from '../../src/lib/node/exercises.ts';
import { checkSource } from '../../src/lib/node/check-file.ts';

export interface FixtureBench {
  exercises: number;
  fixtures: number;
  totalMs: number;
  slowest: { exercise: string; fixture: string; ms: number };
  perExercise: Array<{ exercise: string; fixtures: number; ms: number }>;
  mismatches: string[];
}

export async function benchFixtures(): Promise<FixtureBench> {
  const perExercise: FixtureBench['perExercise'] = [];
  const mismatches: string[] = [];
  let fixtures = 0;
  let slowest = { exercise: '', fixture: '', ms: 0 };
  const started = performance.now();
  for (const id of exerciseIds()) {
    const exercise = loadExercise(id);
    const cases: Array<[string, string, boolean]> = [
      ['solution.ts', exercise.solution, true],
      ['starter.ts', exercise.starter, false],
      ...exercise.accepted.map((a) => [`accepted/${a.file.split('/').pop()}`, a.source, true] as [string, string, boolean]),
      ...exercise.wrong.map((w) => [`wrong/${w.file.split('/').pop()}`, w.source, false] as [string, string, boolean]),
    ];
    const t0 = performance.now();
    for (const [name, source, shouldPass] of cases) {
      const t = performance.now();
      const { verdict } = await checkSource(id, source);
      const ms = performance.now() - t;
      if (ms > slowest.ms) slowest = { exercise: id, fixture: name, ms: Math.round(ms) };
      if (verdict.passed !== shouldPass) mismatches.push(`${id}/${name}: expected ${shouldPass ? 'pass' : 'fail'}`);
      fixtures++;
    }
    perExercise.push({ exercise: id, fixtures: cases.length, ms: Math.round(performance.now() - t0) });
  }
  return {
    exercises: perExercise.length,
    fixtures,
    totalMs: Math.round(performance.now() - started),
    slowest,
    perExercise,
    mismatches,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await benchFixtures();
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(result, null, 2));
  } else {
    console.log('exercise                 fixtures   time');
    for (const row of result.perExercise) console.log(`${row.exercise.padEnd(24)} ${String(row.fixtures).padStart(8)} ${String(row.ms).padStart(6)} ms`);
    console.log(`\n${result.fixtures} fixtures in ${result.exercises} exercises: ${result.totalMs} ms (budget 10 000 ms); slowest ${result.slowest.exercise}/${result.slowest.fixture} ${result.slowest.ms} ms`);
    if (result.mismatches.length) console.log(`mismatches:\n  ${result.mismatches.join('\n  ')}`);
  }
}
