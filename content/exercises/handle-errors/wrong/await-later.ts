// expect: fails no-unhandled-rejection "no handler yet"
import type { Op, Outcome } from '@course/helpers';

// Everything starts at once, but b fails while the loop is still awaiting a:
// at that moment nobody is listening to b's promise.
export async function runAll(ops: Op[]): Promise<Outcome[]> {
  const running = ops.map((op) => op.run());
  const outcomes: Outcome[] = [];
  for (let i = 0; i < ops.length; i++) {
    try {
      outcomes.push({ name: ops[i].name, ok: true, value: await running[i] });
    } catch (err) {
      outcomes.push({ name: ops[i].name, ok: false, error: (err as Error).message });
    }
  }
  return outcomes;
}
