import type { Op, Outcome } from '@course/helpers';

// Each op's promise gets both handlers the moment it starts, so none can reject unhandled.
export function runAll(ops: Op[]): Promise<Outcome[]> {
  return Promise.all(
    ops.map((op) =>
      op.run().then(
        (value): Outcome => ({ name: op.name, ok: true, value }),
        (error: Error): Outcome => ({ name: op.name, ok: false, error: error.message }),
      ),
    ),
  );
}
