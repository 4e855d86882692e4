// expect: fails failures-reported "use err.message"
import type { Op, Outcome } from '@course/helpers';

// String(err) gives "Error: disk full", not the message alone.
export async function runAll(ops: Op[]): Promise<Outcome[]> {
  const settled = await Promise.allSettled(ops.map((op) => op.run()));
  return settled.map((r, i): Outcome =>
    r.status === 'fulfilled' ? { name: ops[i].name, ok: true, value: r.value } : { name: ops[i].name, ok: false, error: String(r.reason) },
  );
}
