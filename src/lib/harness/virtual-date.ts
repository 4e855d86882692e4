/**
 * Date on the virtual clock (Check): `new Date()`, `Date.now()` and `Date()`
 * read the scenario's time; every other use is the real Date's.
 */
import { real } from './real.ts';

export function virtualDate(now: () => number): DateConstructor {
  const RealDate = real.Date;
  class VirtualDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(now());
      else super(...(args as [number]));
    }
    static override now(): number {
      return Math.floor(now());
    }
  }
  // Date() called without `new` returns a string, as the real one does.
  return new Proxy(VirtualDate, {
    apply: () => new RealDate(now()).toString(),
  }) as unknown as DateConstructor;
}
