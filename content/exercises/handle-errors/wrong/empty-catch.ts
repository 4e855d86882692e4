// expect: fails failures-reported "swallowed by an empty catch"
import type { Op, Outcome } from '@course/helpers';

// The failures vanish: the catch hides them, and only successes are reported.
export async function runAll(ops: Op[]): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  await Promise.all(
    ops.map(async (op, i) => {
      try {
        outcomes[i] = { name: op.name, ok: true, value: await op.run() };
      } catch {}
    }),
  );
  return outcomes.filter(Boolean);
}
