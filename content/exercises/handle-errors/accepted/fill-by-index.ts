import type { Op, Outcome } from '@course/helpers';

// Results land in their op's slot whenever they arrive, so the order is the input order.
export async function runAll(ops: Op[]): Promise<Outcome[]> {
  const outcomes = new Array<Outcome>(ops.length);
  const running = ops.map(async (op, i) => {
    try {
      outcomes[i] = { name: op.name, ok: true, value: await op.run() };
    } catch (e) {
      outcomes[i] = { name: op.name, ok: false, error: (e as Error).message };
    }
  });
  await Promise.all(running);
  return outcomes;
}
