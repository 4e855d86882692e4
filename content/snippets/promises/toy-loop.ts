// A generator plays the coroutine: `yield` pauses it, next() resumes it.
type Sleep = { ms: number };
type Coro = Generator<Sleep, void, void>;

class ToyLoop {
  now = 0;
  ready: Coro[] = [];
  timers: { at: number; coro: Coro }[] = [];

  spawn(coro: Coro): void {
    this.ready.push(coro);
  }

  run(): void {
    while (this.ready.length || this.timers.length) {
      if (!this.ready.length) {
        // Nothing to run: jump to the next timer (a stable sort keeps booking order).
        this.timers.sort((a, b) => a.at - b.at);
        const { at, coro } = this.timers.shift()!;
        this.now = at;
        this.ready.push(coro);
      }
      const coro = this.ready.shift()!;
      const step = coro.next(); // run it until its next yield
      if (!step.done) this.timers.push({ at: this.now + step.value.ms, coro });
    }
  }
}

const loop = new ToyLoop();

function* worker(name: string, pause: number): Coro {
  for (let step = 1; step <= 3; step++) {
    console.log(`${loop.now} ms: ${name} step ${step}`);
    yield { ms: pause };
  }
}

loop.spawn(worker('fast', 100));
loop.spawn(worker('slow', 250));
loop.run();
