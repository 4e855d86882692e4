import type { Op, Outcome } from '@course/helpers';

// This runs every op at once, but the first failure makes the whole thing
// reject and the other results are lost. Return one outcome per op instead:
// { name, ok: true, value } or { name, ok: false, error: <the error's message> }.
export async function runAll(ops: Op[]): Promise<Outcome[]> {
  const values = await Promise.all(ops.map((op) => op.run()));
  return ops.map((op, i) => ({ name: op.name, ok: true, value: values[i] }));
}
