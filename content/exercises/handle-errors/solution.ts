import type { Op, Outcome } from '@course/helpers';

export async function runAll(ops: Op[]): Promise<Outcome[]> {
  // allSettled waits for every op and never rejects: like gather(..., return_exceptions=True).
  const settled = await Promise.allSettled(ops.map((op) => op.run()));
  return settled.map((result, i): Outcome =>
    result.status === 'fulfilled'
      ? { name: ops[i].name, ok: true, value: result.value }
      : { name: ops[i].name, ok: false, error: (result.reason as Error).message },
  );
}
