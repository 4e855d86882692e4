/**
 * Two clocks behind one interface: the virtual clock (Check) and the real
 * one (Run). The harness schedules every timer through this, so the same
 * recording code serves both.
 */
import { VirtualClock } from './virtual-clock.ts';
import { real } from './real.ts';

export interface TimerBackend {
  readonly virtual: boolean;
  /** Milliseconds since the scenario started. */
  now(): number;
  schedule(callback: () => void, ms: number, repeat: boolean): number;
  cancel(id: number): void;
  /** Number of timers still queued. */
  readonly size: number;
  /** CPU work: virtual time jumps on; real time is spent in a busy loop. */
  advance(ms: number): void;
}

export class VirtualTimers implements TimerBackend {
  readonly virtual = true;
  readonly clock = new VirtualClock();
  now(): number {
    return this.clock.now;
  }
  schedule(callback: () => void, ms: number, repeat: boolean): number {
    return this.clock.schedule(callback, ms, repeat);
  }
  cancel(id: number): void {
    this.clock.cancel(id);
  }
  get size(): number {
    return this.clock.size;
  }
  advance(ms: number): void {
    this.clock.advance(ms);
  }
}

export class RealTimers implements TimerBackend {
  readonly virtual = false;
  readonly #start = real.now();
  #nextId = 1;
  readonly #handles = new Map<number, { handle: unknown; repeat: boolean }>();

  now(): number {
    return Math.round((real.now() - this.#start) * 1000) / 1000;
  }
  schedule(callback: () => void, ms: number, repeat: boolean): number {
    const id = this.#nextId++;
    const handle = repeat
      ? real.setInterval(callback, ms)
      : real.setTimeout(() => {
          this.#handles.delete(id);
          callback();
        }, ms);
    this.#handles.set(id, { handle, repeat });
    return id;
  }
  cancel(id: number): void {
    const entry = this.#handles.get(id);
    if (!entry) return;
    this.#handles.delete(id);
    if (entry.repeat) real.clearInterval(entry.handle as never);
    else real.clearTimeout(entry.handle as never);
  }
  get size(): number {
    return this.#handles.size;
  }
  /** Real CPU work: a busy loop, which is exactly what blocking feels like. */
  advance(ms: number): void {
    const until = real.now() + ms;
    while (real.now() < until) {
      // spin
    }
  }
  /** Cancels everything (end of a Run). */
  dispose(): void {
    for (const id of [...this.#handles.keys()]) this.cancel(id);
  }
}
