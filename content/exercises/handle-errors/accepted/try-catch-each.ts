import type { Op, Outcome } from '@course/helpers';

async function settle(op: Op): Promise<Outcome> {
  try {
    return { name: op.name, ok: true, value: await op.run() };
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    console.warn(`${op.name} failed: ${error}`);
    return { name: op.name, ok: false, error };
  }
}

export async function runAll(ops: Op[]): Promise<Outcome[]> {
  const outcomes = await Promise.all(ops.map(settle));
  console.log(`${outcomes.filter((o) => o.ok).length} of ${outcomes.length} ops succeeded`);
  return outcomes;
}
