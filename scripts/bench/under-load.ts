/**
 * "Verdicts under load": every fixture through the CLI's path on a quiet
 * machine, then again while other processes keep every core busy. A verdict
 * must depend on the code, not on the machine, so the two runs must agree
 * verdict for verdict (pass or fail, and every check's message). Reports the
 * differences; times are printed, never asserted.
 *
 *   node scripts/bench/under-load.ts [--json]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { benchFixtures } from './fixtures.ts';

export interface LoadBench {
  fixtures: number;
  busyProcesses: number;
  quietMs: number;
  loadedMs: number;
  /** Fixtures whose verdict differed between the quiet and the loaded run (empty when all agree). */
  differences: string[];
}

/** Processes that spin until killed, one per core. */
function keepCoresBusy(count: number): ChildProcess[] {
  return Array.from({ length: count }, () => spawn(process.execPath, ['-e', 'for(;;){}'], { stdio: 'ignore' }));
}

export async function verdictsUnderLoad(): Promise<LoadBench> {
  const quiet = await benchFixtures();
  const busyProcesses = availableParallelism();
  const spinners = keepCoresBusy(busyProcesses);
  let loaded: Awaited<ReturnType<typeof benchFixtures>>;
  try {
    loaded = await benchFixtures();
  } finally {
    for (const spinner of spinners) spinner.kill();
  }
  const differences = Object.keys(quiet.verdicts).filter((key) => quiet.verdicts[key] !== loaded.verdicts[key]);
  return { fixtures: quiet.fixtures, busyProcesses, quietMs: quiet.totalMs, loadedMs: loaded.totalMs, differences };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await verdictsUnderLoad();
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(result, null, 2));
  } else {
    console.log(
      `Verdicts under load: ${result.fixtures - result.differences.length} of ${result.fixtures} fixtures gave the same verdict with ${result.busyProcesses} busy processes as on a quiet machine (quiet ${result.quietMs} ms, loaded ${result.loadedMs} ms)`,
    );
    if (result.differences.length) console.log(`differences:\n  ${result.differences.join('\n  ')}`);
  }
  process.exit(result.differences.length ? 1 : 0);
}
