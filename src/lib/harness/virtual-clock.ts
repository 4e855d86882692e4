/**
 * A virtual clock: a timer queue and a `now` that only moves forward.
 *
 * Why not @sinonjs/fake-timers? The course needs blocking work to cost time
 * (`blockFor`, `isPrimeSlow`): the clock moves on while nothing runs, and a
 * timer that fell due meanwhile fires late and reads the late time. With
 * fake-timers, moving `clock.now` by hand inside a timer made a 100 ms
 * interval read 200, 300, 400 afterwards: time ran backwards. Its default
 * fakes also replace `queueMicrotask`/`nextTick`, which the event-loop lessons
 * must see natively. What we need is small: a heap of timers ordered by
 * (due time, creation order) and a `now` that never decreases.
 *
 * The clock fires nothing by itself: a driver calls `fireNext()` between
 * turns of the real event loop, so all microtasks run before the next timer.
 */

interface VirtualTimer {
  readonly id: number;
  /** When it is due, in virtual ms. */
  due: number;
  /** Creation order: timers due at the same time fire in the order they were created. */
  seq: number;
  /** Repeat period for intervals; undefined for one-shot timers. */
  repeat?: number;
  readonly callback: () => void;
}

export class VirtualClock {
  #now = 0;
  #seq = 0;
  #nextId = 1;
  #heap: VirtualTimer[] = [];
  #byId = new Map<number, VirtualTimer>();

  get now(): number {
    return this.#now;
  }

  /** Schedules `callback` after `delay` ms (negative, NaN or missing delays count as 0, as in Node). */
  schedule(callback: () => void, delay: number, repeat = false): number {
    const ms = normaliseDelay(delay);
    const timer: VirtualTimer = {
      id: this.#nextId++,
      due: this.#now + ms,
      seq: this.#seq++,
      repeat: repeat ? Math.max(1, ms) : undefined,
      callback,
    };
    this.#byId.set(timer.id, timer);
    this.#push(timer);
    return timer.id;
  }

  /** Removes a timer; unknown or already-fired ids are ignored, as clearTimeout does. */
  cancel(id: number): boolean {
    const timer = this.#byId.get(id);
    if (!timer) return false;
    this.#byId.delete(id);
    const index = this.#heap.indexOf(timer);
    if (index >= 0) {
      const last = this.#heap.pop()!;
      if (index < this.#heap.length) {
        this.#heap[index] = last;
        this.#down(index);
        this.#up(index);
      }
    }
    return true;
  }

  has(id: number): boolean {
    return this.#byId.has(id);
  }

  get size(): number {
    return this.#heap.length;
  }

  /** The due time of the next timer, or undefined when none is left. */
  nextDue(): number | undefined {
    return this.#heap[0]?.due;
  }

  /**
   * Blocking work: time passes, nothing fires. Timers that fall due meanwhile
   * stay queued and fire late, after the block.
   */
  advance(ms: number): void {
    if (!(ms > 0)) return;
    this.#now += ms;
  }

  /**
   * Fires the earliest timer. `now` becomes its due time, or stays put if the
   * clock is already past it (the timer is late). Returns false when no timer
   * is queued. Exceptions from the callback propagate to the driver.
   */
  fireNext(): boolean {
    const timer = this.#heap[0];
    if (!timer) return false;
    this.#popRoot();
    if (timer.due > this.#now) this.#now = timer.due;
    if (timer.repeat !== undefined) {
      // Like Node, the next run is one period after this one starts.
      timer.due = this.#now + timer.repeat;
      timer.seq = this.#seq++;
      this.#push(timer);
    } else {
      this.#byId.delete(timer.id);
    }
    timer.callback();
    return true;
  }

  #push(timer: VirtualTimer): void {
    this.#heap.push(timer);
    this.#up(this.#heap.length - 1);
  }

  #popRoot(): void {
    const last = this.#heap.pop()!;
    if (this.#heap.length > 0) {
      this.#heap[0] = last;
      this.#down(0);
    }
  }

  #less(a: VirtualTimer, b: VirtualTimer): boolean {
    return a.due < b.due || (a.due === b.due && a.seq < b.seq);
  }

  #up(index: number): void {
    const heap = this.#heap;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (!this.#less(heap[index], heap[parent])) break;
      [heap[index], heap[parent]] = [heap[parent], heap[index]];
      index = parent;
    }
  }

  #down(index: number): void {
    const heap = this.#heap;
    for (;;) {
      const left = index * 2 + 1;
      const right = left + 1;
      let smallest = index;
      if (left < heap.length && this.#less(heap[left], heap[smallest])) smallest = left;
      if (right < heap.length && this.#less(heap[right], heap[smallest])) smallest = right;
      if (smallest === index) break;
      [heap[index], heap[smallest]] = [heap[smallest], heap[index]];
      index = smallest;
    }
  }
}

/** Node's rule: a delay that is not a finite number ≥ 1 becomes 1; we use 0 so setTimeout(f, 0) reads as "now". */
export function normaliseDelay(delay: unknown): number {
  const ms = Number(delay);
  if (!Number.isFinite(ms) || ms < 0) return 0;
  return Math.min(ms, 2_147_483_647);
}
