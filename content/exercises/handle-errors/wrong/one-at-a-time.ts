// expect: fails overlap "one after another"
import type { Op, Outcome } from '@course/helpers';

// Correct outcomes, but each op starts only after the previous one has settled.
export async function runAll(ops: Op[]): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (const op of ops) {
    try {
      outcomes.push({ name: op.name, ok: true, value: await op.run() });
    } catch (err) {
      outcomes.push({ name: op.name, ok: false, error: (err as Error).message });
    }
  }
  return outcomes;
}
