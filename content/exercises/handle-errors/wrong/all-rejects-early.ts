// expect: fails nothing-floating "Were they awaited together with `Promise.all`?"
import type { Op, Outcome } from '@course/helpers';

// Promise.all gives up at the first failure: the ops still running are neither awaited nor reported.
export async function runAll(ops: Op[]): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  try {
    await Promise.all(
      ops.map(async (op) => {
        outcomes.push({ name: op.name, ok: true, value: await op.run() });
      }),
    );
  } catch (err) {
    outcomes.push({ name: 'failed', ok: false, error: (err as Error).message });
  }
  return outcomes;
}
