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
  /** Each fixture's verdict, in short: pass or fail, and every check's id, result and message. */
  verdicts: Record<string, string>;
}

/** Checks every fixture, two at a time (one per core), as `npm test` would. */
export async function benchFixtures(concurrency = 2): Promise<FixtureBench> {
  const jobs: Array<{ id: string; name: string; source: string; shouldPass: boolean }> = [];
  for (const id of exerciseIds()) {
    const exercise = loadExercise(id);
    jobs.push({ id, name: 'solution.ts', source: exercise.solution, shouldPass: true });
    jobs.push({ id, name: 'starter.ts', source: exercise.starter, shouldPass: false });
    for (const a of exercise.accepted) jobs.push({ id, name: `accepted/${a.file.split('/').pop()}`, source: a.source, shouldPass: true });
    for (const w of exercise.wrong) jobs.push({ id, name: `wrong/${w.file.split('/').pop()}`, source: w.source, shouldPass: false });
  }
  const mismatches: string[] = [];
  const verdicts: Record<string, string> = {};
  const perExercise = new Map<string, { fixtures: number; ms: number }>();
  let slowest = { exercise: '', fixture: '', ms: 0 };
  const started = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const job = jobs[next++];
      const t = performance.now();
      const { verdict } = await checkSource(job.id, job.source);
      verdicts[`${job.id}/${job.name}`] = JSON.stringify([verdict.passed, verdict.checks.map((c) => [c.id, c.passed, c.message ?? null])]);
      const ms = Math.round(performance.now() - t);
      if (ms > slowest.ms) slowest = { exercise: job.id, fixture: job.name, ms };
      if (verdict.passed !== job.shouldPass) mismatches.push(`${job.id}/${job.name}: expected ${job.shouldPass ? 'pass' : 'fail'}`);
      const row = perExercise.get(job.id) ?? { fixtures: 0, ms: 0 };
      row.fixtures++;
      row.ms += ms;
      perExercise.set(job.id, row);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return {
    exercises: perExercise.size,
    fixtures: jobs.length,
    totalMs: Math.round(performance.now() - started),
    slowest,
    perExercise: [...perExercise].map(([exercise, r]) => ({ exercise, ...r })).sort((a, b) => a.exercise.localeCompare(b.exercise)),
    mismatches,
    verdicts,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await benchFixtures();
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(result, null, 2));
  } else {
    console.log('exercise                 fixtures   time (sum of runs)');
    for (const row of result.perExercise) console.log(`${row.exercise.padEnd(24)} ${String(row.fixtures).padStart(8)} ${String(row.ms).padStart(6)} ms`);
    console.log(`\n${result.fixtures} fixtures in ${result.exercises} exercises: ${result.totalMs} ms (budget 10 000 ms); slowest ${result.slowest.exercise}/${result.slowest.fixture} ${result.slowest.ms} ms`);
    if (result.mismatches.length) console.log(`mismatches:\n  ${result.mismatches.join('\n  ')}`);
  }
}
