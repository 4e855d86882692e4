// expect: fails input-order "order the ops finished"
import type { Op, Outcome } from '@course/helpers';

// push() runs when each op settles, so the fastest op comes first.
export async function runAll(ops: Op[]): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  await Promise.all(
    ops.map((op) =>
      op.run().then(
        (value) => outcomes.push({ name: op.name, ok: true, value }),
        (err: Error) => outcomes.push({ name: op.name, ok: false, error: err.message }),
      ),
    ),
  );
  return outcomes;
}
