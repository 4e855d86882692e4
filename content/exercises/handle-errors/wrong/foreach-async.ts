// expect: fails nothing-floating "still running"
import type { Op, Outcome } from '@course/helpers';

// forEach doesn't wait for async callbacks: runAll returns before any op has settled.
export async function runAll(ops: Op[]): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  ops.forEach(async (op, i) => {
    try {
      outcomes[i] = { name: op.name, ok: true, value: await op.run() };
    } catch (err) {
      outcomes[i] = { name: op.name, ok: false, error: (err as Error).message };
    }
  });
  return outcomes;
}
