// expect: fails failures-reported "not passed in"
import { sleep, type Op, type Outcome } from '@course/helpers';

// The example's answer, returned after the example's time, whatever the ops are.
export async function runAll(_ops: Op[]): Promise<Outcome[]> {
  await sleep(500);
  return [
    { name: 'a', ok: true, value: 'A' },
    { name: 'b', ok: false, error: 'disk full' },
    { name: 'c', ok: true, value: 'C' },
    { name: 'd', ok: false, error: 'timed out' },
  ];
}
