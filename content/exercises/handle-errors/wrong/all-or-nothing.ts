// expect: fails successes-kept "Promise.all rejects as soon as one op fails"
import type { Op, Outcome } from '@course/helpers';

// One failure makes Promise.all reject, and every op gets reported with that error.
export async function runAll(ops: Op[]): Promise<Outcome[]> {
  try {
    const values = await Promise.all(ops.map((op) => op.run()));
    return ops.map((op, i) => ({ name: op.name, ok: true, value: values[i] }));
  } catch (err) {
    return ops.map((op) => ({ name: op.name, ok: false, error: (err as Error).message }));
  }
}
